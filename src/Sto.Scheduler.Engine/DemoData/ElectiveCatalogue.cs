using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>
/// Real elective names for demo data (domain.md Appendix A) with codes "PROFILE-KEY" and their share of the
/// offering profile's exams, used to skew generated choices. Local and new electives carry estimated shares.
/// </summary>
public static class ElectiveCatalogue
{
    /// <summary>The five technical profiles (domain.md §1.4).</summary>
    public static ImmutableArray<string> TechnicalProfiles { get; } = ["PIE", "BWI", "M&T", "MVI", "MaT"];

    /// <summary>The non-technical profiles whose pupils join the afternoon for a technical elective.</summary>
    public static ImmutableArray<string> OtherProfiles { get; } = ["D&P", "Z&W", "E&O", "Groen", "HBR"];

    /// <summary>Every elective of the catalogue, grouped by profile.</summary>
    public static ImmutableArray<CatalogueElective> All { get; } =
    [
        new("PIE-PLAATCON", "Plaat- en constructiewerk", "PIE", 17.0),
        new("PIE-BOOGLAS", "Booglasprocessen", "PIE", 12.5),
        new("PIE-UTILINST", "Utiliteitsinstallaties", "PIE", 11.5, SuitsCompanyHotspot: true),
        new("PIE-VERSPAN", "Verspaningstechnieken", "PIE", 10.1),
        new("PIE-WOONKANT", "Woon- en kantoortechnologie", "PIE", 9.1),
        new("PIE-DRINKWAT", "Drinkwater en sanitair", "PIE", 8.7, SuitsCompanyHotspot: true),
        new("PIE-PRAKLAS", "Praktisch booglassen", "PIE", 5.0),
        new("PIE-MACHBOUW", "Machinebouw – Verspanen", "PIE", 1.5),
        new("PIE-KOUDE", "Koudetechniek", "PIE", 3.0, SuitsCompanyHotspot: true),
        new("PIE-DUURZEN", "Duurzame energie", "PIE", 4.0, SuitsCompanyHotspot: true),
        new("BWI-MEUBEL", "Meubelmaken", "BWI", 20.0),
        new("BWI-INTERIEUR", "Interieurontwerp en -design", "BWI", 12.7),
        new("BWI-DAKEN", "Daken en kapconstructies van hout", "BWI", 9.8, SuitsCompanyHotspot: true),
        new("BWI-INTBOUW", "Interieurbouw, stand en betimmeringen", "BWI", 9.5),
        new("BWI-GEVEL", "Gevelopeningen", "BWI", 9.1, SuitsCompanyHotspot: true),
        new("BWI-VLOEREN", "Vloeren", "BWI", 1.5),
        new("BWI-SCHILDER", "Schilderen en spuiten op kunststof en metalen", "BWI", 1.5),
        new("BWI-GLAS", "Glaszetting", "BWI", 1.5),
        new("BWI-CIRCBOUW", "Circulair en duurzaam bouwen", "BWI", 4.0, SuitsCompanyHotspot: true),
        new("MT-AANDRIJF", "Aandrijf- en remsystemen", "M&T", 24.0),
        new("MT-MOTOR", "Motorsystemen", "M&T", 23.8),
        new("MT-ELEKTRO", "Elektronica", "M&T", 18.3),
        new("MT-CARROS", "Carrosseriebouw", "M&T", 3.0),
        new("MT-VERBRAND", "Verbrandingsmotoren", "M&T", 3.0),
        new("MT-BEDRWAG", "Bedrijfswagens", "M&T", 3.0, SuitsCompanyHotspot: true),
        new("MT-FIETS", "Fietstechniek", "M&T", 3.0),
        new("MT-ELVOERT", "Elektrische voertuigen", "M&T", 4.0, SuitsCompanyHotspot: true),
        new("MT-SCHADE", "Schadeherstel", "M&T", 4.0, SuitsCompanyHotspot: true),
        new("MVI-FOTO", "Fotografie", "MVI", 17.6),
        new("MVI-SIGN", "Sign", "MVI", 14.8),
        new("MVI-VORMTYPO", "Vormgeving en typografie", "MVI", 14.5),
        new("MVI-3DVORM", "3D-vormgeving en -realisatie", "MVI", 11.4),
        new("MVI-GAME", "Game-design", "MVI", 11.0),
        new("MVI-TEKENEN", "Tekenen, schilderen en illustreren", "MVI", 6.0),
        new("MVI-IDEE", "Idee-ontwikkeling", "MVI", 5.0),
        new("MVI-NETWERK", "Netwerkbeheer", "MVI", 2.5),
        new("MVI-BEVEILIG", "Digitale beveiliging", "MVI", 2.5),
        new("MVI-LICHT", "Licht, geluid en decor", "MVI", 2.5, SuitsCompanyHotspot: true),
        new("MVI-DRONE", "Dronetechniek", "MVI", 4.0),
        new("MAT-STUWA", "Stuwadoor en vorkheftruck", "MaT", 11.1, SuitsCompanyHotspot: true),
        new("MAT-NAVIG", "Navigatie", "MaT", 9.1),
        new("MAT-LADING", "Ladingsbehandeling aan boord", "MaT", 9.1),
        new("MAT-SCHEEPS", "Scheepskennis", "MaT", 9.1),
        new("MAT-HAVEN", "Opslag en overslag in de haven", "MaT", 8.6, SuitsCompanyHotspot: true),
        new("DP-ROBOTICA", "Robotica", "D&P", 8.0),
        new("DP-MULTIMED", "Multimediale producten maken", "D&P", 7.0),
        new("DP-PRODUCT", "Een product maken en verbeteren", "D&P", 6.0),
    ];

    /// <summary>The electives an offering profile has in the catalogue.</summary>
    public static ImmutableArray<CatalogueElective> ForProfile(string profile) =>
        [.. All.Where(e => string.Equals(e.Profile, profile, StringComparison.Ordinal))];

    /// <summary>Finds an elective by its code.</summary>
    public static CatalogueElective? Find(string code) =>
        All.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for the five technical profiles.</summary>
    public static bool IsTechnicalProfile(string profile) => TechnicalProfiles.Contains(profile);
}

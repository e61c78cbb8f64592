namespace Sto.Scheduler.Engine.DemoData;

/// <summary>Fictional but Dutch-sounding names for demo schools, venues, companies and staff (never pupils).</summary>
internal static class DemoNames
{
    public static readonly string[] Towns =
    [
        "Hengelo", "Enschede", "Borne", "Oldenzaal", "Almelo", "Haaksbergen", "Losser", "Delden", "Goor", "Rijssen",
        "Nijverdal", "Vriezenveen", "Tubbergen", "Ootmarsum", "Denekamp", "Neede", "Eibergen", "Glanerbrug", "Weerselo", "Enter",
    ];

    public static readonly string[] Streets =
    [
        "Industrielaan", "Stationsweg", "Schoolstraat", "Haaksbergerstraat", "Kanaalweg", "Bornsestraat", "Molenweg",
        "Deldensestraat", "Parkweg", "Oldenzaalsestraat", "Twentepoort", "Westermaatweg", "Grotestraat", "Marktstraat",
    ];

    public static readonly string[] Surnames =
    [
        "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos",
        "Peters", "Hendriks", "Dijkstra", "Kok", "Nijhuis", "Oude Luttikhuis", "Ter Horst", "Bruggink", "Wolters", "Kamphuis",
        "Haverkamp", "Lammers", "Brink", "Schuurman", "Kuipers", "Yilmaz", "El Amrani", "Nguyen", "Öztürk", "Postma",
    ];

    public static readonly string Initials = "ABCDEFGHIJKLMNPRSTWY";

    /// <summary>Company names per profile; the hotspot hosts.</summary>
    public static string[] Companies(string profile) => profile switch
    {
        "PIE" => ["Installatietechniek Twente", "Van Dijk Installaties", "Koeltechniek Oost", "Energiewerk Hengelo"],
        "BWI" => ["Bouwbedrijf Ter Haar", "Timmerfabriek De Spil", "Gevelbouw Oost"],
        "M&T" => ["Autoschade Hengelo", "Truckservice Twente", "E-Mobiliteit Oost"],
        "MVI" => ["Podiumtechniek Twente", "Studio Zuidkant"],
        "MaT" => ["Overslag Twentekanaal"],
        _ => ["Techniekbedrijf Twente"],
    };
}

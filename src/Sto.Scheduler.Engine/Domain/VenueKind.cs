namespace Sto.Scheduler.Engine.Domain;

/// <summary>What kind of place a venue is (domain.md §2.3–§2.6).</summary>
public enum VenueKind
{
    /// <summary>A workshop or practice room at a vmbo school.</summary>
    SchoolWorkshop = 1,

    /// <summary>A company site where the practical part of an elective runs (Regio A's "hotspot").</summary>
    CompanyHotspot = 2,

    /// <summary>An mbo college (roc).</summary>
    MboCollege = 3,

    /// <summary>A sector trade school or training company (bedrijfsvakschool).</summary>
    TradeSchool = 4,

    /// <summary>A techlab (possibly inside a school, shared by the region).</summary>
    TechLab = 5,

    /// <summary>A regional tech hub (Regio D's "regionale hotspot").</summary>
    TechHub = 6,

    /// <summary>A municipal innovation lab (ontdekspot).</summary>
    MunicipalLab = 7,
}

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>One elective (keuzevak) of the demo catalogue (domain.md Appendix A).</summary>
/// <param name="Code">Elective code: the offering profile's prefix and an English-readable key, e.g. "PIE-BOOGLAS".</param>
/// <param name="Name">The Dutch name, as pupils see it, e.g. "Booglasprocessen".</param>
/// <param name="Profile">The offering profile code, e.g. "PIE", "M&amp;T".</param>
/// <param name="PopularityPercent">Share of the offering profile's own exams (Appendix A), or an estimate for local electives.</param>
/// <param name="SuitsCompanyHotspot">Its practical part is typically run at a company (hybrid learning, domain.md §2.4).</param>
public sealed record CatalogueElective(
    string Code,
    string Name,
    string Profile,
    double PopularityPercent,
    bool SuitsCompanyHotspot = false);

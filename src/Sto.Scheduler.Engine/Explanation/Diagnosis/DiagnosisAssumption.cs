using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>One assumption of the diagnosis model: a rule about an offer (and a week, venue or kit), or a pupil's choice.</summary>
internal sealed record DiagnosisAssumption(AssumptionKind Kind, OfferId Offer, Week? Week = null, VenueId? Venue = null, KitId? Kit = null, PupilId? Pupil = null)
{
    /// <summary>Which assumptions are tried first when shrinking a core: minimum group sizes, then the rest.</summary>
    public int DropOrder => Kind == AssumptionKind.GroupMinimum ? 0 : 1;

    public string Key => string.Join('|', Kind, Offer.Value, Week?.ToString() ?? "", Venue?.Value ?? "", Kit?.Value ?? "", Pupil?.Value ?? "");
}

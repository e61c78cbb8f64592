using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>One assumption of the diagnosis model: a rule about an offer (and a week, venue or kit), or a pupil's choice.</summary>
internal sealed record DiagnosisAssumption(AssumptionKind Kind, OfferId Offer, Week? Week = null, VenueId? Venue = null, KitId? Kit = null, PupilId? Pupil = null)
{
    /// <summary>Which assumptions CP-SAT is asked to drop first when shrinking a core: "others keep their place" last-resort reasons go first.</summary>
    public int DropOrder => Kind switch
    {
        AssumptionKind.KeepPlaces => 0,
        AssumptionKind.GroupMinimum => 1,
        _ => 2,
    };

    public string Key => string.Join('|', Kind, Offer.Value, Week?.ToString() ?? "", Venue?.Value ?? "", Kit?.Value ?? "", Pupil?.Value ?? "");
}

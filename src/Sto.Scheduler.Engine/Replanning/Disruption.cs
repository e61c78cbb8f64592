using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Replanning;

/// <summary>
/// Something that changed after an allocation was published (domain.md A17: a teacher falls ill, a company
/// cancels its hotspot week, a pupil moves school …). A re-plan applies the disruptions to the problem and moves
/// as few pupils as possible.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StaffUnavailable), "staffUnavailable")]
[JsonDerivedType(typeof(VenueCapacityChanged), "venueCapacityChanged")]
[JsonDerivedType(typeof(SessionMoved), "sessionMoved")]
[JsonDerivedType(typeof(OfferCancelled), "offerCancelled")]
[JsonDerivedType(typeof(PupilAdded), "pupilAdded")]
[JsonDerivedType(typeof(PupilRemoved), "pupilRemoved")]
[JsonDerivedType(typeof(PupilChangedSchool), "pupilChangedSchool")]
public abstract record Disruption
{
    /// <summary>A staff member cannot work in the given weeks (ill, company needs them).</summary>
    public sealed record StaffUnavailable(StaffId Staff, ImmutableArray<Week> Weeks) : Disruption;

    /// <summary>A venue holds fewer pupils in the given weeks; 0 closes it (a company cancels its hotspot week).</summary>
    public sealed record VenueCapacityChanged(VenueId Venue, ImmutableArray<Week> Weeks, int PupilCapacity) : Disruption;

    /// <summary>One week's session of an offer moves to another venue or time.</summary>
    public sealed record SessionMoved(OfferId Offer, Week Week, VenueId Venue, TimeOnly Start, TimeOnly End) : Disruption;

    /// <summary>The offer does not run at all any more (its groups are cancelled).</summary>
    public sealed record OfferCancelled(OfferId Offer) : Disruption;

    /// <summary>A new pupil joins (late registration, moved into the subregion).</summary>
    public sealed record PupilAdded(Pupil Pupil) : Disruption;

    /// <summary>A pupil drops out.</summary>
    public sealed record PupilRemoved(PupilId Pupil) : Disruption;

    /// <summary>A pupil moves to another school of the subregion (release time and travel change).</summary>
    public sealed record PupilChangedSchool(PupilId Pupil, SchoolId School) : Disruption;
}

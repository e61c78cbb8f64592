using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Replanning;
using Sto.Scheduler.Grpc.Errors;
using V1 = Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>Disruptions and diffs, wire ↔ Engine, both directions. Domain ids are resource names.</summary>
public static class ReplanMapping
{
    /// <summary>Adds a violation for every malformed disruption field (names, weeks, times, a missing kind).</summary>
    public static void Check(IReadOnlyList<V1.Disruption> disruptions, string runName, string field, FieldViolations violations)
    {
        if (disruptions.Count == 0)
        {
            violations.Add(field, "Required: at least one disruption.");
        }

        for (var i = 0; i < disruptions.Count; i++)
        {
            var d = disruptions[i];
            var at = $"{field}[{i}]";
            switch (d.KindCase)
            {
                case V1.Disruption.KindOneofCase.StaffUnavailable:
                    Conversions.CheckReference(d.StaffUnavailable.StaffMember, ResourceNames.StaffMember, runName, $"{at}.staff_unavailable.staff_member", violations);
                    CheckWeeks(d.StaffUnavailable.Weeks, $"{at}.staff_unavailable.weeks", violations);
                    break;
                case V1.Disruption.KindOneofCase.VenueCapacityChanged:
                    Conversions.CheckReference(d.VenueCapacityChanged.Venue, ResourceNames.Venue, runName, $"{at}.venue_capacity_changed.venue", violations);
                    CheckWeeks(d.VenueCapacityChanged.Weeks, $"{at}.venue_capacity_changed.weeks", violations);
                    Conversions.CheckNotNegative(d.VenueCapacityChanged.PupilCapacity, $"{at}.venue_capacity_changed.pupil_capacity", violations);
                    break;
                case V1.Disruption.KindOneofCase.SessionMoved:
                    var moved = d.SessionMoved;
                    Conversions.CheckReference(moved.ElectiveOffer, ResourceNames.ElectiveOffer, runName, $"{at}.session_moved.elective_offer", violations);
                    Conversions.CheckWeek(moved.Week, $"{at}.session_moved.week", violations);
                    Conversions.CheckReference(moved.Venue, ResourceNames.Venue, runName, $"{at}.session_moved.venue", violations);
                    CheckTimeRequired(moved.StartTime, $"{at}.session_moved.start_time", violations);
                    CheckTimeRequired(moved.EndTime, $"{at}.session_moved.end_time", violations);
                    Conversions.CheckOrder(moved.StartTime, moved.EndTime, $"{at}.session_moved.end_time", violations);
                    break;
                case V1.Disruption.KindOneofCase.OfferCancelled:
                    Conversions.CheckReference(d.OfferCancelled.ElectiveOffer, ResourceNames.ElectiveOffer, runName, $"{at}.offer_cancelled.elective_offer", violations);
                    break;
                case V1.Disruption.KindOneofCase.PupilAdded:
                    Conversions.CheckReference(d.PupilAdded.Pupil, ResourceNames.Pupil, runName, $"{at}.pupil_added.pupil", violations);
                    break;
                case V1.Disruption.KindOneofCase.PupilRemoved:
                    Conversions.CheckReference(d.PupilRemoved.Pupil, ResourceNames.Pupil, runName, $"{at}.pupil_removed.pupil", violations);
                    break;
                case V1.Disruption.KindOneofCase.PupilChangedSchool:
                    Conversions.CheckReference(d.PupilChangedSchool.Pupil, ResourceNames.Pupil, runName, $"{at}.pupil_changed_school.pupil", violations);
                    Conversions.CheckReference(d.PupilChangedSchool.School, ResourceNames.School, runName, $"{at}.pupil_changed_school.school", violations);
                    break;
                default:
                    violations.Add(at, "Required: exactly one kind of disruption.");
                    break;
            }
        }
    }

    /// <summary>
    /// Wire disruptions (already checked) → Engine disruptions. <paramref name="addedPupils"/> resolves the pupils of
    /// PupilAdded (the stored pupils, mapped); one that is not there is left out.
    /// </summary>
    public static ImmutableArray<Disruption> ToDomain(IEnumerable<V1.Disruption> disruptions, IReadOnlyDictionary<PupilId, Pupil> addedPupils)
    {
        var result = ImmutableArray.CreateBuilder<Disruption>();
        foreach (var d in disruptions)
        {
            Disruption? mapped = d.KindCase switch
            {
                V1.Disruption.KindOneofCase.StaffUnavailable => new Disruption.StaffUnavailable(
                    new StaffId(d.StaffUnavailable.StaffMember), Weeks(d.StaffUnavailable.Weeks)),
                V1.Disruption.KindOneofCase.VenueCapacityChanged => new Disruption.VenueCapacityChanged(
                    new VenueId(d.VenueCapacityChanged.Venue), Weeks(d.VenueCapacityChanged.Weeks), d.VenueCapacityChanged.PupilCapacity),
                V1.Disruption.KindOneofCase.SessionMoved => new Disruption.SessionMoved(
                    new OfferId(d.SessionMoved.ElectiveOffer), Week.Parse(d.SessionMoved.Week.ToUpperInvariant()), new VenueId(d.SessionMoved.Venue),
                    d.SessionMoved.StartTime.ToTimeOnly(), d.SessionMoved.EndTime.ToTimeOnly()),
                V1.Disruption.KindOneofCase.OfferCancelled => new Disruption.OfferCancelled(new OfferId(d.OfferCancelled.ElectiveOffer)),
                V1.Disruption.KindOneofCase.PupilAdded => addedPupils.TryGetValue(new PupilId(d.PupilAdded.Pupil), out var pupil)
                    ? new Disruption.PupilAdded(pupil)
                    : null,
                V1.Disruption.KindOneofCase.PupilRemoved => new Disruption.PupilRemoved(new PupilId(d.PupilRemoved.Pupil)),
                V1.Disruption.KindOneofCase.PupilChangedSchool => new Disruption.PupilChangedSchool(
                    new PupilId(d.PupilChangedSchool.Pupil), new SchoolId(d.PupilChangedSchool.School)),
                _ => null,
            };
            if (mapped is not null)
            {
                result.Add(mapped);
            }
        }

        return result.ToImmutable();
    }

    public static V1.AllocationDiff ToProto(AllocationDiff diff, int unavoidable, string runName, string baseRunName) => new()
    {
        AllocationRun = runName,
        BaseAllocationRun = baseRunName,
        PupilMoves =
        {
            diff.PupilMoves.Select(m => new V1.PupilMove
            {
                Pupil = m.Pupil.Value,
                FromElectiveOffer = m.FromOffer?.Value ?? "",
                FromGroup = m.FromGroup ?? 0,
                ToElectiveOffer = m.ToOffer?.Value ?? "",
                ToGroup = m.ToGroup ?? 0,
                Reason = m.Reason,
            }),
        },
        StaffChanges =
        {
            diff.StaffChanges.Select(c => new V1.StaffChange
            {
                ElectiveOffer = c.Offer.Value,
                Group = c.Group,
                Week = c.Week.ToString(),
                RemovedStaffMembers = { c.Removed.Select(s => s.Value) },
                AddedStaffMembers = { c.Added.Select(s => s.Value) },
            }),
        },
        BusChanges =
        {
            diff.BusChanges.Select(b => new V1.BusChange
            {
                Week = b.Week.ToString(),
                School = b.FromSchool.Value,
                Venue = b.ToVenue.Value,
                BusCountBefore = b.BusesBefore,
                BusCountAfter = b.BusesAfter,
                PupilCountBefore = b.PupilsBefore,
                PupilCountAfter = b.PupilsAfter,
            }),
        },
        MovedPupilCount = diff.MovedPupilCount,
        UnavoidableMoveCount = unavoidable,
    };

    /// <summary>An Engine disruption → wire (PupilAdded carries the pupil's resource name only).</summary>
    public static V1.Disruption ToProto(Disruption disruption)
    {
        ArgumentNullException.ThrowIfNull(disruption);
        return disruption switch
        {
            Disruption.StaffUnavailable d => new V1.Disruption
            {
                StaffUnavailable = new V1.Disruption.Types.StaffUnavailable { StaffMember = d.Staff.Value, Weeks = { d.Weeks.Select(w => w.ToString()) } },
            },
            Disruption.VenueCapacityChanged d => new V1.Disruption
            {
                VenueCapacityChanged = new V1.Disruption.Types.VenueCapacityChanged { Venue = d.Venue.Value, Weeks = { d.Weeks.Select(w => w.ToString()) }, PupilCapacity = d.PupilCapacity },
            },
            Disruption.SessionMoved d => new V1.Disruption
            {
                SessionMoved = new V1.Disruption.Types.SessionMoved
                {
                    ElectiveOffer = d.Offer.Value, Week = d.Week.ToString(), Venue = d.Venue.Value, StartTime = d.Start.ToTimeOfDay(), EndTime = d.End.ToTimeOfDay(),
                },
            },
            Disruption.OfferCancelled d => new V1.Disruption { OfferCancelled = new V1.Disruption.Types.OfferCancelled { ElectiveOffer = d.Offer.Value } },
            Disruption.PupilAdded d => new V1.Disruption { PupilAdded = new V1.Disruption.Types.PupilAdded { Pupil = d.Pupil.Id.Value } },
            Disruption.PupilRemoved d => new V1.Disruption { PupilRemoved = new V1.Disruption.Types.PupilRemoved { Pupil = d.Pupil.Value } },
            Disruption.PupilChangedSchool d => new V1.Disruption
            {
                PupilChangedSchool = new V1.Disruption.Types.PupilChangedSchool { Pupil = d.Pupil.Value, School = d.School.Value },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(disruption), disruption.GetType().Name, "Unknown disruption kind."),
        };
    }

    /// <summary>
    /// A wire diff → the Engine's (the counterpart of <see cref="ToProto(AllocationDiff, int, string, string)"/>; empty
    /// offers and group 0 become null). Throws <see cref="FormatException"/> on a week that is not an ISO week.
    /// </summary>
    public static AllocationDiff ToDomain(V1.AllocationDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return new AllocationDiff
        {
            PupilMoves =
            [
                .. diff.PupilMoves.Select(m => new PupilMove
                {
                    Pupil = new PupilId(m.Pupil),
                    FromOffer = m.FromElectiveOffer.Length > 0 ? new OfferId(m.FromElectiveOffer) : null,
                    FromGroup = m.FromGroup > 0 ? m.FromGroup : null,
                    ToOffer = m.ToElectiveOffer.Length > 0 ? new OfferId(m.ToElectiveOffer) : null,
                    ToGroup = m.ToGroup > 0 ? m.ToGroup : null,
                    Reason = m.Reason,
                }),
            ],
            StaffChanges =
            [
                .. diff.StaffChanges.Select(c => new StaffChange
                {
                    Offer = new OfferId(c.ElectiveOffer),
                    Group = c.Group,
                    Week = Week.Parse(c.Week.ToUpperInvariant()),
                    Removed = [.. c.RemovedStaffMembers.Select(s => new StaffId(s))],
                    Added = [.. c.AddedStaffMembers.Select(s => new StaffId(s))],
                }),
            ],
            BusChanges =
            [
                .. diff.BusChanges.Select(b => new BusChange
                {
                    Week = Week.Parse(b.Week.ToUpperInvariant()),
                    FromSchool = new SchoolId(b.School),
                    ToVenue = new VenueId(b.Venue),
                    BusesBefore = b.BusCountBefore,
                    BusesAfter = b.BusCountAfter,
                    PupilsBefore = b.PupilCountBefore,
                    PupilsAfter = b.PupilCountAfter,
                }),
            ],
        };
    }

    /// <summary>The pupils whose elective changed in a stored diff (the base run's RecentlyMoved for the next re-plan).</summary>
    public static ImmutableArray<PupilId> MovedPupils(V1.AllocationDiff diff) =>
        [.. diff.PupilMoves
            .Where(m => m.FromElectiveOffer.Length > 0 && m.FromElectiveOffer != m.ToElectiveOffer)
            .Select(m => new PupilId(m.Pupil))];

    private static ImmutableArray<Week> Weeks(IEnumerable<string> weeks) => [.. weeks.Select(w => Week.Parse(w.ToUpperInvariant())).Distinct()];

    private static void CheckWeeks(IReadOnlyList<string> weeks, string field, FieldViolations violations)
    {
        if (weeks.Count == 0)
        {
            violations.Add(field, "Required: at least one ISO week like 2026-W14.");
            return;
        }

        Conversions.CheckWeeks([.. weeks.Select(w => w.ToUpperInvariant())], field, violations);
    }

    private static void CheckTimeRequired(Google.Type.TimeOfDay? time, string field, FieldViolations violations)
    {
        if (time is null)
        {
            violations.Add(field, "Required: a time of day.");
            return;
        }

        Conversions.CheckTime(time, field, violations);
    }
}

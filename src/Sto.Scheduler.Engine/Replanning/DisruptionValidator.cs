using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Replanning;

/// <summary>
/// Checks that every disruption names something that exists in the published problem (and weeks of its period),
/// so a typo in a staff id is an error the planner sees, not a change that silently does nothing.
/// </summary>
public static class DisruptionValidator
{
    public static ImmutableArray<ValidationIssue> Validate(SchedulingProblem problem, ImmutableArray<Disruption> disruptions)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var issues = ImmutableArray.CreateBuilder<ValidationIssue>();
        var staff = problem.Staff.Select(s => s.Id).ToHashSet();
        var venues = problem.Venues.Select(v => v.Id).ToHashSet();
        var offers = problem.Offers.Select(o => o.Id).ToHashSet();
        var pupils = problem.Pupils.Select(p => p.Id).ToHashSet();
        var schools = problem.Schools.Select(s => s.Id).ToHashSet();
        var weeks = problem.Weeks.ToHashSet();

        for (var i = 0; i < (disruptions.IsDefault ? 0 : disruptions.Length); i++)
        {
            var path = $"disruptions[{i}]";
            switch (disruptions[i])
            {
                case Disruption.StaffUnavailable d:
                    Known(staff.Contains(d.Staff), $"{path}.staff", $"No staff member '{d.Staff}' in the published problem.");
                    Weeks(d.Weeks, path);
                    break;
                case Disruption.VenueCapacityChanged d:
                    Known(venues.Contains(d.Venue), $"{path}.venue", $"No venue '{d.Venue}' in the published problem.");
                    Weeks(d.Weeks, path);
                    if (d.PupilCapacity < 0)
                    {
                        issues.Add(new ValidationIssue($"{path}.pupilCapacity", IssueCodes.ValueOutOfRange, $"Capacity {d.PupilCapacity} is negative; use 0 to close the venue."));
                    }

                    break;
                case Disruption.SessionMoved d:
                    Known(offers.Contains(d.Offer), $"{path}.offer", $"No offer '{d.Offer}' in the published problem.");
                    Weeks([d.Week], path);
                    break;
                case Disruption.OfferCancelled d:
                    Known(offers.Contains(d.Offer), $"{path}.offer", $"No offer '{d.Offer}' in the published problem.");
                    break;
                case Disruption.PupilAdded d:
                    if (d.Pupil is null || pupils.Contains(d.Pupil.Id))
                    {
                        issues.Add(new ValidationIssue($"{path}.pupil.id", IssueCodes.DuplicateId, $"Pupil '{d.Pupil?.Id}' is already in the published problem."));
                    }

                    break;
                case Disruption.PupilRemoved d:
                    Known(pupils.Contains(d.Pupil), $"{path}.pupil", $"No pupil '{d.Pupil}' in the published problem.");
                    break;
                case Disruption.PupilChangedSchool d:
                    Known(pupils.Contains(d.Pupil), $"{path}.pupil", $"No pupil '{d.Pupil}' in the published problem.");
                    Known(schools.Contains(d.School), $"{path}.school", $"No school '{d.School}' in the published problem.");
                    break;
                default:
                    issues.Add(new ValidationIssue(path, IssueCodes.MissingValue, "A disruption is missing."));
                    break;
            }
        }

        return issues.ToImmutable();

        void Known(bool exists, string at, string message)
        {
            if (!exists)
            {
                issues.Add(new ValidationIssue(at, IssueCodes.UnknownReference, message));
            }
        }

        void Weeks(ImmutableArray<Week> given, string at)
        {
            if (given.IsDefaultOrEmpty)
            {
                issues.Add(new ValidationIssue($"{at}.weeks", IssueCodes.MissingValue, "Name at least one week."));
                return;
            }

            foreach (var week in given.Where(w => !weeks.Contains(w)))
            {
                issues.Add(new ValidationIssue($"{at}.weeks", IssueCodes.WeekOutsidePeriod, $"Week {week} is not a week of the planning period."));
            }
        }
    }
}

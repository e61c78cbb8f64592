using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Replanning;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Grpc.Mapping;
using Sto.Scheduler.Grpc.Persistence;
using V1 = Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Jobs;

/// <summary>
/// Builds the Engine's <see cref="ReplanRequest"/> for a re-plan of a run: the base run's snapshot (problem and
/// allocation as solved), the disruptions (stored pupils resolved for PupilAdded) and RecentlyMoved = the pupils the
/// base run moved when it was itself a re-plan.
/// </summary>
public sealed class ReplanInputs(AllocationRunStore runs, ResourceStore resources)
{
    /// <summary>The request, or null when the base run has no snapshot (it never produced an allocation).</summary>
    public async Task<ReplanRequest?> BuildAsync(string baseRun, IReadOnlyList<V1.Disruption> disruptions, CancellationToken cancellationToken)
    {
        if (await runs.GetSnapshotAsync(baseRun, cancellationToken) is not { } snapshot)
        {
            return null;
        }

        // Only the pupils being added are read: the rest of the problem comes from the base run's snapshot.
        var added = new Dictionary<PupilId, Pupil>();
        foreach (var name in disruptions.Where(d => d.KindCase == V1.Disruption.KindOneofCase.PupilAdded).Select(d => d.PupilAdded.Pupil).Distinct(StringComparer.Ordinal))
        {
            if (await resources.GetAsync<V1.Pupil>(name, cancellationToken) is { } stored)
            {
                var pupil = ProblemMapping.ToPupil(stored.Message);
                added[pupil.Id] = pupil;
            }
        }

        var recentlyMoved = snapshot.Diff is { } diff ? ReplanMapping.MovedPupils(ProtoJson.Read<V1.AllocationDiff>(diff)) : ImmutableArray<PupilId>.Empty;
        return new ReplanRequest
        {
            Problem = ProblemJson.Deserialize(snapshot.Problem),
            Baseline = ProblemJson.DeserializeAllocation(snapshot.Allocation),
            Disruptions = ReplanMapping.ToDomain(disruptions, added),
            RecentlyMoved = recentlyMoved,
        };
    }
}

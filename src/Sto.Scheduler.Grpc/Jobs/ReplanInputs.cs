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
public sealed class ReplanInputs(AllocationRunStore runs, ProblemAssembler assembler)
{
    /// <summary>The request, or null when the base run has no snapshot (it never produced an allocation).</summary>
    public async Task<ReplanRequest?> BuildAsync(string baseRun, IReadOnlyList<string> weeks, IReadOnlyList<V1.Disruption> disruptions, CancellationToken cancellationToken)
    {
        if (await runs.GetSnapshotAsync(baseRun, cancellationToken) is not { } snapshot)
        {
            return null;
        }

        var added = new Dictionary<PupilId, Pupil>();
        if (disruptions.Any(d => d.KindCase == V1.Disruption.KindOneofCase.PupilAdded)
            && await assembler.AssembleAsync(Auth.AccessChecks.SubregionOf(baseRun), weeks, cancellationToken) is { } current)
        {
            added = current.Pupils.ToDictionary(p => p.Id);
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

using Sto.Scheduler.Api.V1;

using Sto.Scheduler.Grpc.Mapping;
using Sto.Scheduler.Grpc.Persistence;

namespace Sto.Scheduler.Grpc.Jobs;

/// <summary>Reads a subregion's stored resources and maps them into the Engine's problem.</summary>
public sealed class ProblemAssembler(ResourceStore store)
{
    /// <summary>The problem for the run's weeks, or null when the subregion does not exist.</summary>
    public async Task<Engine.Domain.SchedulingProblem?> AssembleAsync(string subregion, IReadOnlyList<string> weeks, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync<Subregion>(subregion, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var sources = new ProblemSources(
            stored.Message,
            await store.ListInSubregionAsync<School>(subregion, cancellationToken),
            await store.ListInSubregionAsync<Venue>(subregion, cancellationToken),
            await store.ListInSubregionAsync<EquipmentKit>(subregion, cancellationToken),
            await store.ListInSubregionAsync<ElectiveOffer>(subregion, cancellationToken),
            await store.ListInSubregionAsync<StaffMember>(subregion, cancellationToken),
            await store.ListInSubregionAsync<Pupil>(subregion, cancellationToken));
        return ProblemMapping.ToDomain(sources, weeks);
    }
}

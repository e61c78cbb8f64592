using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.Solving;

public sealed class DemoRunGoldenTests
{
    [Fact]
    public void The_demo_subregion_allocation_metrics_match_the_golden_report()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "data", "demo-subregion.json");
        var problem = ProblemJson.Deserialize(File.ReadAllText(path));

        var solved = problem.SolveOrFail(SolverSettings.Deterministic with { DeterministicTimeLimit = 8 });

        Assert.Empty(Sto.Scheduler.Engine.Validation.AllocationChecker.Check(problem, solved.Allocation));
        Golden.Matches(QualityReport.Render(solved.Quality), "demo-subregion-quality.txt");
    }
}

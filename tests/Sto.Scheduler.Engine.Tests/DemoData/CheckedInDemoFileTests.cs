using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.DemoData;

public class CheckedInDemoFileTests
{
    [Fact]
    public void Data_demo_subregion_json_equals_a_fresh_generation_of_the_Subregion_preset_with_seed_1()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "data", "demo-subregion.json");
        var checkedIn = File.ReadAllText(path).ReplaceLineEndings("\n");

        var fresh = ProblemJson.Serialize(DemoSubregionGenerator.Generate(DemoParameters.Subregion(1)));

        Assert.True(
            checkedIn == fresh,
            "data/demo-subregion.json drifted from the generator; regenerate it with " +
            "`dotnet run --project tools/Sto.Scheduler.DemoWriter -- data/demo-subregion.json` and review the diff.");
    }

    [Fact]
    public void Data_demo_subregion_json_reads_back()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "data", "demo-subregion.json");

        var problem = ProblemJson.Deserialize(File.ReadAllText(path));

        Assert.Equal(300, problem.Pupils.Length);
    }
}

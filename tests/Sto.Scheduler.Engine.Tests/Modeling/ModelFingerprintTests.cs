using System.Security.Cryptography;
using System.Text;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Modeling;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.Modeling;

/// <summary>
/// Pins the CP-SAT model built for a fixed instance: a speed change to validation, index or model building must leave
/// the model byte-identical (same variables, constraints, order and names). A deliberate model change updates the
/// golden file (STO_UPDATE_GOLDEN=1) and says why in its commit.
/// </summary>
public sealed class ModelFingerprintTests
{
    [Fact]
    public void The_demo_subregion_model_is_byte_identical_to_the_pinned_one()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "data", "demo-subregion.json");
        var problem = ProblemJson.Deserialize(File.ReadAllText(path));

        var model = AllocationModelBuilder.Build(problem, ProblemIndex.Build(problem));

        var proto = model.Model.Model;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(proto.ToString())));
        var summary = $"""
            pairs {model.Pairs.Count}
            variables {proto.Variables.Count}
            constraints {proto.Constraints.Count}
            tiers {string.Join(", ", model.Tiers.Select(t => t.Name))}
            sha256 {hash}
            """;
        Golden.Matches(summary, "demo-subregion-model.txt");
    }
}

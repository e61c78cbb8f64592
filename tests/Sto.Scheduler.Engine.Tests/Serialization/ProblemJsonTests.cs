using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Serialization;

namespace Sto.Scheduler.Engine.Tests.Serialization;

public class ProblemJsonTests
{
    private static readonly string SubregionJson = ProblemJson.Serialize(DemoSubregionGenerator.Generate(DemoParameters.Subregion(1)));

    [Fact]
    public void Serialize_then_Deserialize_then_Serialize_gives_the_same_text()
    {
        var again = ProblemJson.Serialize(ProblemJson.Deserialize(SubregionJson));

        Assert.Equal(SubregionJson, again);
    }

    [Fact]
    public void Stream_overloads_round_trip_like_the_string_ones()
    {
        using var stream = new MemoryStream();
        ProblemJson.Serialize(ProblemJson.Deserialize(SubregionJson), stream);
        stream.Position = 0;

        var again = ProblemJson.Serialize(ProblemJson.Deserialize(stream));

        Assert.Equal(SubregionJson, again);
    }

    [Fact]
    public void Serialize_uses_the_wire_forms_of_the_format()
    {
        Assert.Contains("\"week\": \"2026-W06\"", SubregionJson, StringComparison.Ordinal);
        Assert.Contains("\"start\": \"13:30\"", SubregionJson, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"kb\"", SubregionJson, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"companyHotspot\"", SubregionJson, StringComparison.Ordinal);
        Assert.Contains("\"weekday\": \"tuesday\"", SubregionJson, StringComparison.Ordinal);
        Assert.Contains("\"latitude\": ", SubregionJson, StringComparison.Ordinal);
        Assert.Contains("\"profile\": \"D&P\"", SubregionJson, StringComparison.Ordinal);
        Assert.DoesNotContain("totalSeats", SubregionJson, StringComparison.Ordinal);
        Assert.DoesNotContain("effectivePaths", SubregionJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", SubregionJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_fills_missing_lists_with_empty_ones_and_keeps_defaults()
    {
        var problem = ProblemJson.Deserialize("""{ "pupils": [ { "id": "p1", "school": "s1" } ] }""");

        Assert.False(problem.Offers.IsDefault);
        Assert.Empty(problem.Offers);
        Assert.False(problem.Pupils[0].Choices.IsDefault);
        Assert.Empty(problem.Pupils[0].Choices);
        Assert.Equal(LearningPath.Advanced, problem.Pupils[0].Path);
        Assert.Equal(15, problem.Rules.PupilsPerStaffMember);
        Assert.Equal(new TimeOnly(12, 45), problem.Afternoon.Start);
    }

    [Fact]
    public void Serialize_writes_a_default_immutable_array_as_an_empty_list()
    {
        var json = ProblemJson.Serialize(new SchedulingProblem { Pupils = default });

        Assert.Contains("\"pupils\": []", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bb", LearningPath.Basic)]
    [InlineData("kb", LearningPath.Advanced)]
    [InlineData("gl", LearningPath.Combined)]
    [InlineData("tl", LearningPath.Theoretical)]
    [InlineData("nl", LearningPath.New)]
    public void Deserialize_reads_learning_path_wire_codes(string code, LearningPath path)
    {
        var problem = ProblemJson.Deserialize($$"""{ "pupils": [ { "id": "p1", "path": "{{code}}" } ] }""");

        Assert.Equal(path, problem.Pupils[0].Path);
    }

    [Fact]
    public void Deserialize_names_path_and_line_of_a_bad_week()
    {
        var json = """
            {
              "offers": [
                { "id": "o1" },
                {
                  "id": "o2",
                  "sessions": [
                    { "week": "2026-W99", "venue": "v1" }
                  ]
                }
              ]
            }
            """;

        var error = Assert.Throws<ProblemJsonException>(() => ProblemJson.Deserialize(json));

        Assert.Equal("$.offers[1].sessions[0].week: '2026-W99' is not an ISO week like 2026-W14 (line 7)", error.Message);
        Assert.Equal("$.offers[1].sessions[0].week", error.JsonPath);
        Assert.Equal(7, error.LineNumber);
    }

    [Theory]
    [InlineData("""{ "pupils": [ { "id": "p1", "yaer": 3 } ] }""", "$.pupils[0].yaer: unknown property 'yaer'")]
    [InlineData("""{ "pupils": [ { "id": "p1", "path": "mavo" } ] }""", "$.pupils[0].path: 'mavo' is not a learning path code")]
    [InlineData("""{ "pupils": [ { "id": "p1", "year": "3" } ] }""", "$.pupils[0].year: expected a whole number")]
    [InlineData("""{ "pupils": [ { "id": 12 } ] }""", "$.pupils[0].id: expected an id string, found a number")]
    [InlineData("""{ "pupils": [ { "id": "p1", "profile": null } ] }""", "$.pupils[0].profile: null is not allowed here")]
    [InlineData("""{ "pupils": [ { "id": "p1", "choices": [ null ] } ] }""", "$.pupils[0]: 'choices[0]' is null")]
    [InlineData("""{ "venues": [ { "id": "v1", "kind": "hub" } ] }""", "$.venues[0].kind: 'hub' is not one of schoolWorkshop, companyHotspot")]
    [InlineData("""{ "schools": [ { "id": "s1", "releaseTime": "1:30" } ] }""", "$.schools[0].releaseTime: '1:30' is not a time like 13:30")]
    [InlineData("""{ "offers": [ { "id": "o1", "totalSeats": 30 } ] }""", "$.offers[0].totalSeats: unknown property 'totalSeats'")]
    [InlineData("""{ "schools": [ { "id": "s1", "id": "s2" } ] }""", "$.schools[0].id: property 'id' appears twice")]
    [InlineData("""[]""", "$: expected a JSON object")]
    [InlineData("""null""", "$: expected a JSON object, found null")]
    [InlineData("   ", "$: the text is empty")]
    public void TryDeserialize_explains_bad_input_with_its_path(string json, string expectedStart)
    {
        var ok = ProblemJson.TryDeserialize(json, out var problem, out var error);

        Assert.False(ok);
        Assert.Null(problem);
        Assert.NotNull(error);
        Assert.StartsWith(expectedStart, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_reports_the_line_of_a_syntax_error()
    {
        var error = Assert.Throws<ProblemJsonException>(() => ProblemJson.Deserialize("{\n  \"name\": \"x\"\n  \"subregion\": \"y\"\n}"));

        Assert.Equal(3, error.LineNumber);
        Assert.EndsWith("(line 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_accepts_comments_and_trailing_commas_for_hand_edited_files()
    {
        var problem = ProblemJson.Deserialize("""
            {
              // planner's note
              "name": "x",
              "weeks": [ "2026-W14", ],
            }
            """);

        Assert.Equal(new Week(2026, 14), Assert.Single(problem.Weeks));
    }

    [Fact]
    public void TryDeserialize_returns_the_problem_when_valid()
    {
        Assert.True(ProblemJson.TryDeserialize(SubregionJson, out var problem, out var error));
        Assert.Null(error);
        Assert.Equal(300, problem.Pupils.Length);
    }
}

using System.Globalization;
using System.Text;
using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Serialization;

// Writes a generated demo instance as JSON (docs/instance-format.md).
// Usage: Sto.Scheduler.DemoWriter <output.json> [subregion|large|region] [seed]
// The checked-in data/demo-subregion.json is: Sto.Scheduler.DemoWriter data/demo-subregion.json subregion 1
if (args.Length is < 1 or > 3 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: Sto.Scheduler.DemoWriter <output.json> [subregion|large|region] [seed]");
    return 2;
}

var preset = args.Length > 1 ? args[1].ToLowerInvariant() : "subregion";
var seed = 1;
if (args.Length > 2 && !int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
{
    Console.Error.WriteLine($"seed '{args[2]}' is not a whole number");
    return 2;
}

DemoParameters? parameters = preset switch
{
    "subregion" => DemoParameters.Subregion(seed),
    "large" => DemoParameters.LargeSubregion(seed),
    "region" => DemoParameters.Region(seed),
    _ => null,
};
if (parameters is null)
{
    Console.Error.WriteLine($"preset '{preset}' is not one of subregion, large, region");
    return 2;
}

var problem = DemoSubregionGenerator.Generate(parameters);
var path = Path.GetFullPath(args[0]);
Directory.CreateDirectory(Path.GetDirectoryName(path) ?? ".");
File.WriteAllText(path, ProblemJson.Serialize(problem), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
Console.WriteLine(
    $"{path}: {problem.Schools.Length} schools, {problem.Venues.Length} venues, {problem.Offers.Length} offers, " +
    $"{problem.Staff.Length} staff, {problem.Pupils.Length} pupils, {problem.Offers.Sum(o => o.TotalSeats)} seats");
return 0;

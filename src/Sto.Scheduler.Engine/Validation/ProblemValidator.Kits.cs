namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    private static void ValidateKits(Context context)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kit, path) in context.Entries(context.Problem.Kits, "kits"))
        {
            CheckUniqueId(context, seen, kit.Id.Value, $"{path}.id", "Equipment kit");
            AtLeast(context, kit.Count, 0, $"{path}.count", $"the count of kit {Quote(kit.Id.Value)}");
        }
    }
}

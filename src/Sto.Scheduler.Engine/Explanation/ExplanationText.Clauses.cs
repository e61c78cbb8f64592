using System.Globalization;

namespace Sto.Scheduler.Engine.Explanation;

/// <content>The longer clauses and the formatting helpers.</content>
public static partial class ExplanationText
{
    private static string Travel(ExplanationReason reason, string headline, string window)
    {
        var mover = F(reason, "mode") switch
        {
            "bus" => "the bus takes",
            "bike" => "cycling takes",
            _ => "getting there takes",
        };
        var changeover = I(reason, "changeover-minutes");
        var extra = changeover > 0 ? Inv($" plus {changeover} min changeover") : "";
        return Inv($"{headline} in {F(reason, "week")} — {mover} {I(reason, "travel-minutes")} min{extra}, only {I(reason, "available-minutes")} min between {window}.");
    }

    private static string NoStaff(ExplanationReason reason)
    {
        var needed = I(reason, "staff-needed");
        var docent = F(reason, "qualified-docent-needed") == "true" ? " including a qualified docent" : "";
        var available = I(reason, "staff-available");
        var parts = new List<string>();
        AddPart(parts, I(reason, "staff-absent"), "absent");
        AddPart(parts, I(reason, "staff-busy"), "busy with another group");
        AddPart(parts, I(reason, "staff-out-of-reach"), "unable to get there and back in time");
        var canStaff = I(reason, "staff-who-can-staff");
        var why = canStaff == 0
            ? "nobody can staff it"
            : Count(canStaff, "staff member") + " can staff it" + (parts.Count > 0 ? ": " + string.Join(", ", parts) : "");
        var docents = docent.Length > 0 && available >= needed ? ", but no qualified docent among them" : "";
        var at = reason.Fact("venue") is { Length: > 0 } venue ? Inv($" at '{venue}'") : "";
        return Inv($"no staff in {F(reason, "week")}{at} — a group of {I(reason, "group-size")} needs {Count(needed, "staff member")}{docent}, {available} available{docents} ({why}).");
    }

    private static void AddPart(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add(Inv($"{count} {what}"));
        }
    }

    private static string GroupFull(ExplanationReason reason)
    {
        var groups = I(reason, "groups");
        var head = F(reason, "limit") == "venue"
            ? Inv($"venue '{F(reason, "venue")}' is full in {F(reason, "week")} ({I(reason, "capacity")} places)")
            : groups > 1 ? Inv($"all {groups} groups are full") : "the group is full";
        if (F(reason, "limit") != "venue" && reason.IntFact("maximum") is { } maximum)
        {
            head += Inv($" (at most {Count(maximum, "pupil")}{(groups > 1 ? " each" : "")})");
        }

        return head + Priority(reason, "pupils in it") + ".";
    }

    /// <summary>"; all 15 pupils in it ranked it higher or have priority" — empty when the facts are absent.</summary>
    private static string Priority(ExplanationReason reason, string who)
    {
        if (reason.IntFact("holders") is not { } holders || reason.IntFact("holders-with-priority") is not { } first)
        {
            return "";
        }

        return first == holders
            ? Inv($"; all {holders} {who} ranked it higher or have priority")
            : Inv($"; {first} of the {holders} {who} ranked it higher or have priority");
    }

    private static string TradeOff(ExplanationReason reason)
    {
        if (reason.Fact("current-offer") is { } current)
        {
            var size = I(reason, "current-group-size");
            return Inv($"no rule blocks it, but moving would have left the group of '{current}' with {size - 1} pupils, below its minimum of {I(reason, "current-minimum")}, and its other pupils would have lost their place.");
        }

        if (reason.IntFact("pupils-preferring") is { } preferring)
        {
            var minimum = I(reason, "minimum");
            return preferring < minimum
                ? Inv($"no rule kept the group from running, but only {Count(preferring, "pupil")} would rather have it than what they got and a group needs {minimum}; running it would have given other pupils a choice they ranked lower.")
                : "no rule kept the group from running; the plan as a whole serves the other pupils better without it.";
        }

        return "no rule blocks it; the plan as a whole gives other pupils better choices this way.";
    }

    private static string BelowMinimum(ExplanationReason reason)
    {
        var minimum = I(reason, "minimum");
        if (reason.IntFact("smallest-group") is { } smallest)
        {
            return Inv($"a group needs at least {Count(minimum, "pupil")}; its smallest group has {smallest}, so it cannot give up {(smallest - minimum == 0 ? "anyone" : "more than " + Count(smallest - minimum, "pupil"))}.");
        }

        var couldJoin = I(reason, "could-join");
        return couldJoin < minimum
            ? Inv($"a group needs at least {Count(minimum, "pupil")} and only {couldJoin} could take it.")
            : Inv($"a group needs at least {Count(minimum, "pupil")}; of the {couldJoin} who could take it, too few can leave their current group.");
    }

    private static string WithoutChoice(ExplanationReason reason)
    {
        var rules = reason.Facts.Where(f => f.Key != "pupils").Select(f => f.Key.Replace('-', ' ') + ": " + f.Value);
        return Count(I(reason, "pupils"), "pupil") + $" had no feasible choice: every choice is closed to them or unreachable in time ({string.Join(", ", rules)}).";
    }

    private static string Title(string name, string provider) => provider.Length > 0 ? "'" + name + "' (" + provider + ")" : "'" + name + "'";

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);

    private static string F(ExplanationReason reason, string key) => reason.Fact(key) ?? "?";

    private static int I(ExplanationReason reason, string key) => reason.IntFact(key) ?? 0;

    private static string KitsInUse(int count, string kit) =>
        count == 1 ? Inv($"the only '{kit}' kit is in use") : Inv($"all {count} '{kit}' kits are in use");

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st.</summary>
    private static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{number}{suffix}");
    }
}

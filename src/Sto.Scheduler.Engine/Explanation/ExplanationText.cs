using System.Text;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// The one place that turns explanation data into English sentences a planner and a pupil can read (STYLE §2.6),
/// with the invariant culture. Sentences never name another pupil.
/// </summary>
public static partial class ExplanationText
{
    /// <summary>A header line, then one line per choice in rank order.</summary>
    public static string Render(PlacementExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var text = new StringBuilder();
        var granted = explanation.Choices.FirstOrDefault(c => c.Outcome == ChoiceOutcome.Granted && c.Offer == explanation.GrantedOffer);
        text.Append("Pupil ").Append(explanation.Pupil.Value).Append(" got ")
            .Append(granted is null ? "no elective." : "their " + Ordinal(granted.Rank) + " choice " + Title(granted.OfferName, granted.ProviderName) + ".");
        foreach (var choice in explanation.Choices)
        {
            text.Append('\n').Append(Render(choice));
        }

        return text.ToString();
    }

    /// <summary>One line: "2nd choice 'Booglasprocessen' (north): …".</summary>
    public static string Render(ChoiceVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var prefix = Ordinal(verdict.Rank) + " choice " + Title(verdict.OfferName, verdict.ProviderName) + ": ";
        return verdict.Outcome switch
        {
            ChoiceOutcome.Granted => prefix + "granted.",
            ChoiceOutcome.LowerChoiceNotNeeded => prefix + "not needed, a higher choice was granted.",
            _ => prefix + string.Join(" ", verdict.Reasons.Select((r, i) => i == 0 ? Clause(r) : Capitalise(Clause(r)))),
        };
    }

    /// <summary>One line: the offer (when the finding is about one), the reason, and how many pupils it affects.</summary>
    public static string Render(DiagnosisFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Code == ExplanationCodes.PupilsWithoutFeasibleChoice)
        {
            return Capitalise(Clause(finding.Reason));
        }

        var affects = " Affects " + Count(finding.PupilCount, "pupil") + ".";

        var subject = finding.OfferName.Length > 0 ? Title(finding.OfferName, finding.ProviderName) : $"'{finding.Reason.Subject}'";
        return subject + ": " + Clause(finding.Reason) + affects;
    }

    /// <summary>The reason as one sentence starting in lower case and ending with a full stop.</summary>
    public static string Clause(ExplanationReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason.Code switch
        {
            ExplanationCodes.UnknownOffer => "this elective is not offered in this period.",
            ExplanationCodes.AlreadyCompleted => Inv($"elective {F(reason, "elective")} has already been completed."),
            ExplanationCodes.PathNotEligible => Inv($"not open to learning path {F(reason, "path")} (open to {F(reason, "allowed-paths")})."),
            ExplanationCodes.YearNotEligible => Inv($"not open to year {F(reason, "year")} (open to years {F(reason, "allowed-years")})."),
            ExplanationCodes.ProfileNotEligible => Inv($"not open to profile {F(reason, "profile")} (open to {F(reason, "allowed-profiles")})."),
            ExplanationCodes.PrerequisiteMissing => Inv($"elective {F(reason, "elective")} must be completed first."),
            ExplanationCodes.NotOpenToOtherSchools => Inv($"only open to pupils of {F(reason, "host-school")}."),
            ExplanationCodes.ExternalNotAllowed => "placements away from the own school are not allowed in this region.",
            ExplanationCodes.ArrivesTooLate => Travel(reason, "not reachable in time", $"release ({F(reason, "release")}) and start ({F(reason, "start")})"),
            ExplanationCodes.ReturnsTooLate => Travel(reason, "not back in time", $"the end ({F(reason, "end")}) and the return time ({F(reason, "return-by")})"),
            ExplanationCodes.VenueUnknown => Inv($"its venue {F(reason, "venue")} is unknown."),
            ExplanationCodes.OfferDidNotRun => Inv($"the group did not run: only {Count(I(reason, "could-join"), "pupil")} could take it and it needs at least {I(reason, "minimum")}."),
            ExplanationCodes.NoStaffInWeek => NoStaff(reason),
            ExplanationCodes.VenueClosedInWeek => Inv($"the group could not run: venue '{F(reason, "venue")}' is closed in {F(reason, "week")}."),
            ExplanationCodes.VenueFullInWeek => Inv($"the group could not run: venue '{F(reason, "venue")}' has {I(reason, "free-places")} of {I(reason, "capacity")} places left in {F(reason, "week")} and a group needs at least {I(reason, "minimum")}."),
            ExplanationCodes.KitsUsedUpInWeek => Inv($"the group could not run: {KitsInUse(I(reason, "kit-count"), F(reason, "kit"))} in {F(reason, "week")} (a group needs {I(reason, "kits-needed")})."),
            ExplanationCodes.OpenSeatsUsed => Inv($"all {Count(I(reason, "open-seats"), "seat")} for pupils from other schools are taken{Priority(reason, "pupils on them")}."),
            ExplanationCodes.GroupFull => GroupFull(reason),
            ExplanationCodes.JustifiedEnvy => "at least one pupil in it has lower priority for it; the planner can review this case.",
            ExplanationCodes.MoreStaffNeeded => Inv($"there are seats left, but one more pupil would need a {Ordinal(I(reason, "staff-needed"))} staff member in {F(reason, "week")} and nobody free can staff it."),
            ExplanationCodes.TradeOff => TradeOff(reason),
            ExplanationCodes.PupilsWithoutFeasibleChoice => WithoutChoice(reason),
            ExplanationCodes.GroupBelowMinimum => BelowMinimum(reason),
            _ => Inv($"{reason.Code}."),
        };
    }
}

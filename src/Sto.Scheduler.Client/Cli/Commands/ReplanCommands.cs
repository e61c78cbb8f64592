using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Cli.Rendering;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary>
/// Issue 4 verbs: <c>sto runs replan|diff|diagnose</c> (planners) and <c>sto explain &lt;run&gt; &lt;pupil&gt;</c>.
/// </summary>
internal static class ReplanCommands
{
    public static Command Replan(Func<ParseResult, CliContext> context)
    {
        var run = new Argument<string>("run") { Description = "The published run to re-plan (e.g. run-1)." };
        var disruptions = new DisruptionOptions();
        var timeLimit = new Option<int?>("--time-limit") { Description = "Seconds the solver may search; default: the server's." };
        var id = new Option<string?>("--id") { Description = "Id of the new run; default: chosen by the server." };
        var wait = new Option<bool>("--wait") { Description = "Follow the re-plan to its end and show the diff." };
        var validateOnly = new Option<bool>("--validate-only") { Description = "Check the changes against the published run without queuing." };
        var command = new Command("replan", "Re-plan the published run after changes, moving as few pupils as possible.") { run };
        foreach (var option in disruptions.All.Concat([timeLimit, id, wait, validateOnly]))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var request = new ReplanAllocationRunRequest
            {
                Name = Names.Run(cli.Subregion, parse.GetValue(run) ?? ""),
                AllocationRunId = parse.GetValue(id) ?? "",
                RequestId = Guid.NewGuid().ToString(),
                ValidateOnly = parse.GetValue(validateOnly),
            };
            request.Disruptions.Add(disruptions.Read(parse, cli.Subregion));
            if (request.Disruptions.Count == 0)
            {
                throw new CliException(ExitCodes.Usage, "Give at least one change: " + string.Join(", ", disruptions.All.Select(o => o.Name)) + ".");
            }

            if (parse.GetValue(timeLimit) is { } seconds)
            {
                request.Settings = new RunSettings { TimeLimit = Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds)) };
            }

            var created = await cli.Client.Allocations.ReplanAllocationRunAsync(request, cancellationToken: ct);
            if (request.ValidateOnly)
            {
                cli.Line($"The changes to {Names.LastSegment(request.Name)} are valid; nothing was queued (--validate-only).");
                return ExitCodes.Ok;
            }

            if (!parse.GetValue(wait))
            {
                Show(cli, created);
                return ExitCodes.Ok;
            }

            if (!cli.IsJson)
            {
                cli.Line($"{created.Name}: queued re-plan of {Names.LastSegment(request.Name)}; following it.");
            }

            var final = await RunFollower.FollowAsync(cli, created.Name, ct);
            var code = RunsCommand.ExitCodeOf(cli, final);
            if (code != ExitCodes.Ok)
            {
                return code;
            }

            var diff = await cli.Client.Allocations.GetAllocationDiffAsync(new GetAllocationDiffRequest { Name = final.Name }, cancellationToken: ct);
            WriteDiff(cli, diff);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Diff(Func<ParseResult, CliContext> context)
    {
        var run = new Argument<string>("run") { Description = "A re-plan run (e.g. run-2)." };
        var command = new Command("diff", "What a re-plan changed: pupils moved (from, to, why), staff and bus changes.") { run };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var diff = await cli.Client.Allocations.GetAllocationDiffAsync(
                new GetAllocationDiffRequest { Name = Names.Run(cli.Subregion, parse.GetValue(run) ?? "") }, cancellationToken: ct);
            WriteDiff(cli, diff);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Diagnose(Func<ParseResult, CliContext> context)
    {
        var run = new Argument<string>("run") { Description = "Run id (e.g. run-1) or full name." };
        var command = new Command("diagnose", "Why pupils were left out or offers did not run, in domain terms, and the run's fairness.") { run };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var response = await cli.Client.Allocations.DiagnoseAllocationRunAsync(
                new DiagnoseAllocationRunRequest { Name = Names.Run(cli.Subregion, parse.GetValue(run) ?? "") }, cancellationToken: ct);
            if (cli.IsJson)
            {
                cli.WriteJson(response);
                return ExitCodes.Ok;
            }

            WriteCases(cli, response);
            if (response.Findings.Count > 0)
            {
                cli.Line("Findings against the final plan (rule-based):");
            }

            foreach (var finding in response.Findings)
            {
                cli.Line($"- [{finding.Reason?.Code}] {finding.AffectedPupilCount} pupil(s): {finding.Text}");
            }

            var f = response.Fairness ?? new FairnessMetrics();
            cli.Line($"Fairness: first choice {RunText.Percent(f.FirstChoiceRate)}, worst rank {f.WorstRank}, justified envy {f.JustifiedEnvyCount}.");
            foreach (var tally in f.Schools.Concat(f.LearningPaths))
            {
                cli.Line($"  {Names.Relative(cli.Subregion, tally.Key)}: {tally.FirstChoiceCount}/{tally.PupilCount} first choice ({RunText.Percent(tally.FirstChoiceRate)})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The CP-SAT cases: per pupil left out (grouped) and per closed offer, the minimal reasons.</summary>
    private static void WriteCases(CliContext cli, DiagnoseAllocationRunResponse response)
    {
        if (response.PupilsLeftOutCount == 0 && response.OffersClosedCount == 0)
        {
            cli.Line("No findings: every pupil is placed and every wanted offer that could run, runs.");
            return;
        }

        var skipped = response.UndiagnosedCount > 0 ? $"; {response.UndiagnosedCount} not diagnosed (limit per call)" : "";
        cli.Line($"Diagnosis (CP-SAT, smallest sets of reasons): {response.PupilsLeftOutCount} pupil(s) left out, {response.OffersClosedCount} wanted offer(s) closed{skipped}.");
        foreach (var diagnosisCase in response.Cases)
        {
            var status = diagnosisCase.Status switch
            {
                DiagnosisCase.Types.Status.MinimalReasons => "minimal",
                DiagnosisCase.Types.Status.ReasonsNotProvenMinimal => "not proven minimal",
                DiagnosisCase.Types.Status.NoRuleBlocks => "no rule blocks",
                _ => "undecided",
            };
            cli.Line($"- [{status}] {string.Join(", ", diagnosisCase.Pupils.Take(5).Select(p => Names.Relative(cli.Subregion, p)))}{(diagnosisCase.Pupils.Count > 5 ? ", …" : "")}");
            cli.Line($"  {diagnosisCase.Text}");
        }
    }

    public static Command Explain(Func<ParseResult, CliContext> context)
    {
        var run = new Argument<string>("run") { Description = "Run id (e.g. run-1) or full name." };
        var pupil = new Argument<string>("pupil") { Description = "Pupil as school/pupil-id (e.g. s01/p0001) or full name." };
        var command = new Command("explain", "Why a pupil got this elective and not a better-ranked choice.") { run, pupil };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var explanation = await cli.Client.Allocations.ExplainPupilPlacementAsync(new ExplainPupilPlacementRequest
            {
                Name = Names.Run(cli.Subregion, parse.GetValue(run) ?? ""),
                Pupil = Names.Pupil(cli.Subregion, parse.GetValue(pupil) ?? ""),
            }, cancellationToken: ct);
            if (cli.IsJson)
            {
                cli.WriteJson(explanation);
                return ExitCodes.Ok;
            }

            cli.Line($"{Names.Relative(cli.Subregion, explanation.Pupil)} in {Names.LastSegment(explanation.AllocationRun)}: "
                + (explanation.GrantedElectiveOffer.Length > 0
                    ? $"{Names.ShortOfferReference(cli.Subregion, explanation.GrantedElectiveOffer)} (rank {explanation.GrantedRank})"
                    : "not placed"));
            foreach (var choice in explanation.Choices)
            {
                cli.Line($"  {choice.Rank}. {Names.ShortOfferReference(cli.Subregion, choice.ElectiveOffer)}: {choice.Text}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteDiff(CliContext cli, AllocationDiff diff)
    {
        if (cli.IsJson)
        {
            cli.WriteJson(diff);
            return;
        }

        var moves = new Table().AddColumns("pupil", "from", "to", "reason");
        foreach (var m in diff.PupilMoves)
        {
            moves.AddRow(
                Markup.Escape(Names.Relative(cli.Subregion, m.Pupil)),
                Markup.Escape(m.FromElectiveOffer.Length > 0 ? $"{Names.ShortOfferReference(cli.Subregion, m.FromElectiveOffer)} g{m.FromGroup}" : "-"),
                Markup.Escape(m.ToElectiveOffer.Length > 0 ? $"{Names.ShortOfferReference(cli.Subregion, m.ToElectiveOffer)} g{m.ToGroup}" : "-"),
                Markup.Escape(m.Reason));
        }

        cli.Console.Write(moves);
        foreach (var s in diff.StaffChanges)
        {
            cli.Line($"staff {s.Week} {Names.ShortOfferReference(cli.Subregion, s.ElectiveOffer)} g{s.Group}: "
                + string.Join(" ", s.RemovedStaffMembers.Select(x => "-" + Names.Relative(cli.Subregion, x)).Concat(s.AddedStaffMembers.Select(x => "+" + Names.Relative(cli.Subregion, x)))));
        }

        foreach (var b in diff.BusChanges)
        {
            cli.Line($"bus {b.Week} {Names.Relative(cli.Subregion, b.School)} → {Names.Relative(cli.Subregion, b.Venue)}: {b.BusCountBefore} → {b.BusCountAfter} buses, {b.PupilCountBefore} → {b.PupilCountAfter} pupils");
        }

        // What a planner checks first: did anyone lose their elective, and who got one they lacked.
        var lost = diff.PupilMoves.Count(m => m.FromElectiveOffer.Length > 0 && m.ToElectiveOffer.Length == 0 && m.Reason != "pupil-removed");
        var placed = diff.PupilMoves.Count(m => m.FromElectiveOffer.Length == 0 && m.ToElectiveOffer.Length > 0);
        cli.Line($"moved {diff.MovedPupilCount}, unavoidable ≥ {diff.UnavoidableMoveCount}; lost their place {lost}, newly placed {placed}");
    }

    private static void Show(CliContext cli, AllocationRun run)
    {
        if (cli.IsJson)
        {
            cli.WriteJson(run);
        }
        else
        {
            cli.Line(RunText.Line(run));
        }
    }
}

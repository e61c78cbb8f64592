using System.Collections.Immutable;
using System.Diagnostics;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>
/// The run diagnosis by CP-SAT (issue 4): for each pupil left out and each offer that ran no group although enough
/// pupils could and would rather join, a small model asks "could it have been otherwise while every pupil the plan
/// placed keeps a place?" with every rule in reach behind an assumption; the core CP-SAT returns is shrunk to a minimal
/// set and told in domain terms. Bounded: at most <see cref="DiagnosisSettings.MaxSubjects"/> subjects within
/// <see cref="DiagnosisSettings.TimeBudget"/>, every solve single-worker and time-limited.
/// </summary>
public static class CoreDiagnosis
{
    /// <summary>Diagnoses the run; pupils with the same reasons share a case. Never throws on odd data (unknown ids are skipped).</summary>
    public static DiagnosisReport Diagnose(SchedulingProblem problem, Allocation allocation, DiagnosisSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(allocation);
        settings ??= DiagnosisSettings.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(settings.MaxSubjects);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.DeterministicSecondsPerSolve);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.SecondsPerSolve);
        if (settings.TimeBudget is { } budget)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(budget, TimeSpan.Zero);
        }

        var clock = Stopwatch.StartNew();
        var context = new ExplanationContext(problem, allocation);
        var leftOut = context.Index.Pupils.Values
            .Where(p => context.PlacementsOf(p.Id).IsEmpty)
            .OrderBy(p => p.Id.Value, StringComparer.Ordinal)
            .ToList();
        var closed = ClosedOffers(context);

        // Pupils first, but closed offers keep up to half the subjects when there are both.
        var offerShare = Math.Min(closed.Count, leftOut.Count == 0 ? settings.MaxSubjects : settings.MaxSubjects / 2);
        var pupilShare = Math.Min(leftOut.Count, settings.MaxSubjects - offerShare);
        offerShare = Math.Min(closed.Count, settings.MaxSubjects - pupilShare);
        var subjects = leftOut.Take(pupilShare).Select(p => (Pupil: (Pupil?)p, Offer: (ElectiveOffer?)null, Wanting: ImmutableArray<PupilId>.Empty))
            .Concat(closed.Take(offerShare).Select(c => (Pupil: (Pupil?)null, Offer: (ElectiveOffer?)c.Offer, c.Wanting)));

        var cases = new Dictionary<string, DiagnosisCase>(StringComparer.Ordinal);
        int diagnosed = 0, solves = 0;
        var deterministic = 0.0;
        foreach (var (pupil, offer, wanting) in subjects)
        {
            if (cancellationToken.IsCancellationRequested || (settings.TimeBudget is { } limit && clock.Elapsed >= limit))
            {
                break;
            }

            var model = pupil is not null ? DiagnosisModel.ForPupil(context, pupil) : DiagnosisModel.ForOffer(context, offer!);
            var (status, reasons) = Run(context, model, pupil, settings, () => cancellationToken.IsCancellationRequested || (settings.TimeBudget is { } limit && clock.Elapsed >= limit));
            diagnosed++;
            solves += model.Solves;
            deterministic += model.DeterministicSeconds;
            if (pupil is not null)
            {
                var key = status + "#" + string.Join("#", reasons.Select(ReasonKey));
                cases[key] = cases.TryGetValue(key, out var found)
                    ? found with { Pupils = found.Pupils.Add(pupil.Id) }
                    : new DiagnosisCase(DiagnosisSubjectKind.PupilLeftOut, pupil.Id.Value ?? "", [pupil.Id], reasons, status, "");
            }
            else
            {
                cases["offer#" + offer!.Id.Value] = new DiagnosisCase(DiagnosisSubjectKind.OfferClosed, offer.Id.Value ?? "", wanting, reasons, status, offer.Name);
            }
        }

        var ordered = cases.Values
            .OrderByDescending(c => c.Pupils.Length)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.Subject, StringComparer.Ordinal)
            .ToImmutableArray();
        return new DiagnosisReport(ordered, leftOut.Count, closed.Count, diagnosed, leftOut.Count + closed.Count - diagnosed, solves, deterministic);
    }

    private static (DiagnosisStatus Status, ImmutableArray<ExplanationReason> Reasons) Run(
        ExplanationContext context, DiagnosisModel model, Pupil? target, DiagnosisSettings settings, Func<bool> outOfTime)
    {
        var (status, core) = CoreSearch.Minimal(model, settings, outOfTime);
        var reasons = core
            .OrderBy(a => a.Week)
            .ThenBy(a => a.Offer.Value, StringComparer.Ordinal)
            .ThenBy(a => a.Kind)
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => DiagnosisReasons.For(context, a, target))
            .ToImmutableArray();
        return (status, reasons);
    }

    /// <summary>Offers that ran no group, are not cancelled, at least their minimum could join, and someone would rather have them.</summary>
    private static List<(ElectiveOffer Offer, ImmutableArray<PupilId> Wanting)> ClosedOffers(ExplanationContext context)
    {
        var result = new List<(ElectiveOffer, ImmutableArray<PupilId>)>();
        foreach (var offer in context.Index.Offers.Values.Where(o => !o.IsCancelled && context.GroupsOf(o.Id).IsEmpty).OrderBy(o => o.Id.Value, StringComparer.Ordinal))
        {
            var interested = ChoiceAnalysis.Interested(context, offer);
            var wanting = ChoiceAnalysis.Wanting(context, offer, interested).Select(p => p.Id).ToImmutableArray();
            if (ChoiceAnalysis.CouldJoin(offer, interested) >= offer.MinGroupSize && wanting.Length > 0)
            {
                result.Add((offer, wanting));
            }
        }

        return result;
    }

    private static string ReasonKey(ExplanationReason reason) =>
        reason.Code + "|" + reason.Subject + "|" + string.Join(";", reason.Facts.Select(f => f.Key + "=" + f.Value));
}

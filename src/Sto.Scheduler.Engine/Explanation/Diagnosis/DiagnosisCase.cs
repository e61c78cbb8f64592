using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>
/// One diagnosed subject of a run — a pupil left out, or an offer that ran no group although pupils wanted it — with
/// the smallest set of domain reasons CP-SAT found that together make it impossible (docs/rules.md, "Run diagnosis").
/// Pupils whose reason sets are the same share one case.
/// </summary>
/// <param name="Kind">What was diagnosed.</param>
/// <param name="Subject">The first pupil's id (for <see cref="DiagnosisSubjectKind.PupilLeftOut"/>) or the offer's id.</param>
/// <param name="Pupils">The pupils left out (one or more with the same reasons), or the pupils who would rather have had the closed offer.</param>
/// <param name="Reasons">The reasons; each one is needed: dropping any one of them would make the subject possible (when <see cref="Status"/> is <see cref="DiagnosisStatus.MinimalReasons"/>).</param>
/// <param name="Status">How far the search got.</param>
/// <param name="OfferName">The closed offer's display name; empty for a pupil.</param>
public sealed record DiagnosisCase(
    DiagnosisSubjectKind Kind,
    string Subject,
    ImmutableArray<PupilId> Pupils,
    ImmutableArray<ExplanationReason> Reasons,
    DiagnosisStatus Status,
    string OfferName);

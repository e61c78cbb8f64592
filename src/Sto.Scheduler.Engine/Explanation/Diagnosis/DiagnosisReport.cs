using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>The CP-SAT run diagnosis: a case per diagnosed subject, and how many subjects there were in all.</summary>
/// <param name="Cases">Cases with the most pupils first, then by kind and subject (ordinal).</param>
/// <param name="PupilsLeftOut">Pupils the allocation left without an elective.</param>
/// <param name="OffersClosed">Offers that ran no group although at least their minimum could join and would rather have had them.</param>
/// <param name="SubjectsDiagnosed">Subjects diagnosed (at most <see cref="DiagnosisSettings.MaxSubjects"/>).</param>
/// <param name="SubjectsNotDiagnosed">Subjects left out because of that limit or the time budget.</param>
/// <param name="Solves">CP-SAT solves made.</param>
/// <param name="DeterministicSeconds">CP-SAT deterministic time spent over all solves (machine-independent).</param>
public sealed record DiagnosisReport(
    ImmutableArray<DiagnosisCase> Cases,
    int PupilsLeftOut,
    int OffersClosed,
    int SubjectsDiagnosed,
    int SubjectsNotDiagnosed,
    int Solves,
    double DeterministicSeconds);

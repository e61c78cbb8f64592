namespace Sto.Scheduler.Engine.Modeling;

/// <summary>
/// Staff members who are interchangeable for the model: same base site, kind, qualification status, qualifications
/// and available weeks. One integer per type replaces one Boolean per person (a symmetry cut); the decoder hands
/// out the actual people.
/// </summary>
internal sealed record StaffType(int Number, IReadOnlyList<int> Members);

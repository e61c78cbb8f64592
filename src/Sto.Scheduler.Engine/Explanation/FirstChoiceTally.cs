namespace Sto.Scheduler.Engine.Explanation;

/// <summary>How many pupils of one school or learning path got their first choice.</summary>
/// <param name="Key">The school id or the learning path's code (bb, kb, gl, tl, nl).</param>
/// <param name="PupilCount">Pupils in the school or on the path.</param>
/// <param name="FirstChoiceCount">Of those, pupils placed at rank 1.</param>
/// <param name="Rate">FirstChoiceCount / PupilCount; 0 when there are no pupils.</param>
public sealed record FirstChoiceTally(string Key, int PupilCount, int FirstChoiceCount, double Rate);

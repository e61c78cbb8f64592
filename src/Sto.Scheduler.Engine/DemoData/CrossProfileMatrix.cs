using System.Collections.Frozen;

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>
/// Who takes whose electives (domain.md Appendix B, Tabel B3.9, 2022/23): the share (%) of a pupil profile's
/// exams that fall in electives offered by another profile. Blank cells (no exams) and "0" (&lt; 1 %) get small
/// weights so a rare cross-over stays possible.
/// </summary>
internal static class CrossProfileMatrix
{
    private const double Blank = 0.05;
    private const double BelowOne = 0.4;

    private static readonly string[] PupilProfiles = ["BWI", "MaT", "MVI", "M&T", "PIE", "D&P", "E&O", "Groen", "HBR", "Z&W"];

    // Rows: offering profile; columns: PupilProfiles. -1 = blank, 0 = "0" (< 1 %).
    private static readonly (string Offered, double[] Shares)[] Rows =
    [
        ("BWI", [84, -1, 3, 2, 6, 5, 1, 2, 1, 1]),
        ("MaT", [0, 89, -1, 0, 0, 0, -1, -1, 0, 0]),
        ("MVI", [2, 1, 78, 1, 2, 11, 4, 4, 1, 2]),
        ("M&T", [1, 7, 0, 83, 4, 1, 1, 1, 0, 0]),
        ("PIE", [5, -1, 2, 7, 79, 4, 1, 3, 0, 0]),
        ("D&P", [2, 2, 4, 2, 4, 21, 7, 6, 2, 5]),
    ];

    private static readonly FrozenDictionary<(string Offered, string Pupil), double> Weights = Build();

    /// <summary>Relative weight of a pupil of <paramref name="pupilProfile"/> choosing an elective of <paramref name="offeredProfile"/>.</summary>
    public static double Weight(string offeredProfile, string pupilProfile) =>
        Weights.TryGetValue((offeredProfile, pupilProfile), out var weight) ? weight : Blank;

    private static FrozenDictionary<(string, string), double> Build()
    {
        var weights = new Dictionary<(string, string), double>();
        foreach (var (offered, shares) in Rows)
        {
            for (var i = 0; i < PupilProfiles.Length; i++)
            {
                weights[(offered, PupilProfiles[i])] = shares[i] switch
                {
                    < 0 => Blank,
                    0 => BelowOne,
                    var share => share,
                };
            }
        }

        return weights.ToFrozenDictionary();
    }
}

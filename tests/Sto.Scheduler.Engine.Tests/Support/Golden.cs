using System.Runtime.CompilerServices;

namespace Sto.Scheduler.Engine.Tests.Support;

/// <summary>
/// Compares text with a checked-in file under Golden/ next to the calling test. On a mismatch it writes
/// <c>name.received.txt</c> beside it for a diff tool; it rewrites the file only with STO_UPDATE_GOLDEN=1, never on CI.
/// </summary>
public static class Golden
{
    public static void Matches(string actual, string fileName, [CallerFilePath] string testFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(testFile) ?? ".", "Golden", fileName);
        var text = actual.ReplaceLineEndings("\n").TrimEnd() + "\n";

        if (Environment.GetEnvironmentVariable("STO_UPDATE_GOLDEN") == "1")
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("Golden files are never rewritten on CI.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path) ?? ".");
            File.WriteAllText(path, text);
            return;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (expected != text)
        {
            File.WriteAllText(Path.ChangeExtension(path, ".received.txt"), text);
        }

        Assert.True(expected is not null, $"{fileName} does not exist yet; run once with STO_UPDATE_GOLDEN=1 and review it.");
        Assert.True(expected == text, $"The output differs from Golden/{fileName}; compare with {Path.GetFileNameWithoutExtension(fileName)}.received.txt.");
    }
}

using System.Runtime.CompilerServices;

namespace Sto.Scheduler.Client.Tests.Support;

/// <summary>
/// Compares text with Golden/&lt;name&gt;.txt next to the calling test; on a mismatch writes &lt;name&gt;.received.txt
/// (git-ignored). STO_UPDATE_GOLDEN=1 rewrites the file, never when CI=true.
/// </summary>
public static class Golden
{
    public static void Matches(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile) ?? ".", "Golden");
        var path = Path.Combine(folder, name + ".txt");
        var text = string.Join('\n', actual.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n";

        if (Environment.GetEnvironmentVariable("STO_UPDATE_GOLDEN") == "1")
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("Golden files are never rewritten on CI (CI=true).");
            }

            Directory.CreateDirectory(folder);
            File.WriteAllText(path, text);
            return;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        var received = Path.Combine(folder, name + ".received.txt");
        if (expected == text)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, text);
        Assert.Fail(expected is null
            ? $"Golden/{name}.txt does not exist yet; run once with STO_UPDATE_GOLDEN=1 and review it (got Golden/{name}.received.txt)."
            : $"The output differs from Golden/{name}.txt; compare with Golden/{name}.received.txt.");
    }
}

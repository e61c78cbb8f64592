namespace Sto.Scheduler.Engine.Tests.Support;

/// <summary>Finds the repository root: the folder holding Sto.Scheduler.sln, walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sto.Scheduler.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Sto.Scheduler.sln above {AppContext.BaseDirectory}.");
    }
}

namespace Sto.Scheduler.Grpc.Persistence;

/// <summary>A create found a resource with the same name.</summary>
public sealed class ResourceAlreadyExistsException(string name)
    : Exception($"Resource '{name}' already exists.")
{
    public string ResourceName { get; } = name;
}

/// <summary>An update or delete carried an etag that is not the current one, or lost a race.</summary>
public sealed class EtagMismatchException(string name)
    : Exception($"The etag of '{name}' is not the current one; read it again and retry.")
{
    public string ResourceName { get; } = name;
}

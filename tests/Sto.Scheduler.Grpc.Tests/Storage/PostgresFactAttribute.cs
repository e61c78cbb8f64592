using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sto.Scheduler.Grpc.Tests.Storage;

/// <summary>
/// A test that needs PostgreSQL: runs when STO_TEST_POSTGRES is set; otherwise it SKIPS with a clear message,
/// except when CI=true, where it runs and fails (a CI run must not silently lose its PostgreSQL coverage).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Marks a <see cref="StorageSuite"/> subclass that runs against PostgreSQL (see <see cref="StorageFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PostgresStorageAttribute : Attribute;

/// <summary>
/// A fact of the shared storage suite: declared once in the abstract base class and run by each provider's
/// subclass; in a subclass marked <see cref="PostgresStorageAttribute"/> it behaves like <see cref="PostgresFactAttribute"/>.
/// </summary>
[XunitTestCaseDiscoverer("Sto.Scheduler.Grpc.Tests.Storage.StorageFactDiscoverer", "Sto.Scheduler.Grpc.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _facts = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var postgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(PostgresStorageAttribute)).Any();
        if (postgres && PostgresTestEnvironment.SkipReason is { } reason)
        {
            return
            [
                new XunitSkippedDataRowTestCase(
                    diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
                    testMethod, reason),
            ];
        }

        return _facts.Discover(discoveryOptions, testMethod, factAttribute);
    }
}

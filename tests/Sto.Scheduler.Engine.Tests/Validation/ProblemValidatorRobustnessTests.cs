using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Validation;

/// <summary>Sets every property reachable from the valid problem, one at a time, to a hostile value.</summary>
public sealed class ProblemValidatorRobustnessTests
{
    public static TheoryData<string> Properties()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in Walk(ValidProblem.Create(), ""))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Properties))]
    public void Validate_never_throws_when_one_property_holds_a_hostile_value(string path)
    {
        foreach (var value in HostileValues(Find(path).Property.PropertyType))
        {
            var problem = ValidProblem.Create();
            var (owner, property) = Find(path, problem);
            property.SetValue(owner, value);

            var issues = ProblemValidator.Validate(problem);

            Assert.False(issues.IsDefault);
        }
    }

    private static (object Owner, PropertyInfo Property) Find(string path, SchedulingProblem? problem = null) =>
        Walk(problem ?? ValidProblem.Create(), "").Single(t => t.Path == path).Target;

    private static IEnumerable<(string Path, (object Owner, PropertyInfo Property) Target)> Walk(object owner, string prefix)
    {
        foreach (var property in owner.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            var path = $"{prefix}{property.Name}";
            yield return (path, (owner, property));
            var value = property.GetValue(owner);
            if (IsDomainRecord(value))
            {
                foreach (var inner in Walk(value!, $"{path}."))
                {
                    yield return inner;
                }
            }
            else if (value is IEnumerable items and not string && property.PropertyType.IsGenericType)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (IsDomainRecord(item))
                    {
                        foreach (var inner in Walk(item, $"{path}[{index}]."))
                        {
                            yield return inner;
                        }
                    }

                    index++;
                }
            }
        }
    }

    private static bool IsDomainRecord(object? value) =>
        value is not null && !value.GetType().IsValueType && value.GetType().Namespace == typeof(SchedulingProblem).Namespace;

    private static IEnumerable<object?> HostileValues(Type type)
    {
        yield return type.IsValueType ? Activator.CreateInstance(type) : null;
        if (type == typeof(int))
        {
            yield return int.MinValue;
            yield return int.MaxValue;
        }
        else if (type == typeof(double))
        {
            yield return double.NaN;
            yield return double.NegativeInfinity;
        }
        else if (type == typeof(ImmutableArray<int>))
        {
            yield return ImmutableArray.Create(int.MinValue, int.MaxValue);
        }
        else if (type == typeof(ImmutableArray<Week>))
        {
            yield return ImmutableArray.Create(default(Week), new Week(2027, 99));
        }
    }
}

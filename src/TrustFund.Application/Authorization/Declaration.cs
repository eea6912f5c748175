using System.Collections.Concurrent;
using System.Reflection;

namespace TrustFund.Application.Authorization;

/// <summary>A request type's declarations, read once per type.</summary>
public sealed record Declaration(bool Anonymous, IReadOnlyList<AuthorizeAttribute> Rules)
{
    private static readonly ConcurrentDictionary<Type, Declaration> Cache = new();

    public bool IsDeclared => Anonymous || Rules.Count > 0;

    public static Declaration Of(Type request) => Cache.GetOrAdd(request, t =>
        new Declaration(t.GetCustomAttribute<AllowAnonymousAttribute>() is not null, t.GetCustomAttributes<AuthorizeAttribute>().ToList()));
}

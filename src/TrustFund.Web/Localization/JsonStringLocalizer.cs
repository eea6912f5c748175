using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Common;

namespace TrustFund.Web.Localization;

/// <summary>
/// Translations live in one JSON file per language (Localization/fr.json, es.json), keyed by the English text.
/// A flat file is easier for a translator than .resx XML, and a test checks that every text has its translations.
/// A missing translation shows the English text rather than failing.
/// </summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Catalogues = new();

    public static IReadOnlyDictionary<string, string> Catalogue(string language) => Catalogues.GetOrAdd(language, Load);

    public LocalizedString this[string name]
    {
        get
        {
            var found = Catalogue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).TryGetValue(name, out var text);
            return new LocalizedString(name, found ? text! : name, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            // A count among the values ("at least {0}", 1 year) is written with its noun as the reader's language wants.
            var values = arguments.Select(a => a is Counted counted ? this.Plural(counted.Count, counted.One, counted.Other).Value : a).ToArray();
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, values), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Catalogue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Select(kv => new LocalizedString(kv.Key, kv.Value));

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        // English needs a catalogue only for the codes pages show (enum values such as "UnderReview"); other texts are their own key.
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"TrustFund.Web.Localization.{language}.json");
        if (stream is null) return new Dictionary<string, string>();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }
}

public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private static readonly JsonStringLocalizer Shared = new();

    public IStringLocalizer Create(Type resourceSource) => Shared;
    public IStringLocalizer Create(string baseName, string location) => Shared;
}

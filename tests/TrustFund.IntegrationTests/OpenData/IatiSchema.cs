using System.Xml;
using System.Xml.Schema;

namespace TrustFund.IntegrationTests.OpenData;

/// <summary>Validates a file against the official IATI 2.03 schemas copied beside the tests, the way the IATI validator does.</summary>
public static class IatiSchema
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "OpenData", "iati-2.03");

    public static IReadOnlyList<string> ValidateActivities(byte[] xml) => Validate(xml, "iati-activities-schema.xsd");

    public static IReadOnlyList<string> ValidateOrganisations(byte[] xml) => Validate(xml, "iati-organisations-schema.xsd");

    /// <summary>Every error and warning (a warning is an element the schema does not know); a file that is not well-formed XML fails too.</summary>
    private static List<string> Validate(byte[] xml, string schema)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        // xml.xsd (the W3C schema for xml:lang) carries a document type declaration, which the schema reader must skip.
        using (var reader = XmlReader.Create(Path.Combine(Folder, schema),
                   new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() }))
            schemas.Add(null, reader);
        schemas.Compile();

        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        try
        {
            using var document = XmlReader.Create(new MemoryStream(xml), settings);
            while (document.Read()) { }
        }
        catch (XmlException notWellFormed)
        {
            errors.Add("not well-formed: " + notWellFormed.Message);
        }
        return errors;
    }
}

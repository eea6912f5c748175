using TrustFund.Domain.Common;

namespace TrustFund.Domain.ReferenceData;

/// <summary>
/// A coded, translated list entry. Forms of exploitation and types of assistance share this shape; beneficiary
/// counts and reports refer to them by code.
/// </summary>
public abstract class ReferenceItem
{
    protected ReferenceItem() { Name = null!; }

    protected ReferenceItem(string code, LocalizedText name, int sortOrder)
    {
        Code = code;
        Name = name;
        SortOrder = sortOrder;
    }

    public string Code { get; private set; } = "";
    public LocalizedText Name { get; private set; }
    public int SortOrder { get; private set; }

    public bool Update(LocalizedText name, int sortOrder)
    {
        var changed = Name != name || SortOrder != sortOrder;
        if (Name != name) Name = name; // a new but equal instance would still be written as a change
        SortOrder = sortOrder;
        return changed;
    }
}

public sealed class FormOfExploitation : ReferenceItem
{
    private FormOfExploitation() { }
    public FormOfExploitation(string code, LocalizedText name, int sortOrder) : base(code, name, sortOrder) { }
}

public sealed class AssistanceType : ReferenceItem
{
    private AssistanceType() { }
    public AssistanceType(string code, LocalizedText name, int sortOrder) : base(code, name, sortOrder) { }
}

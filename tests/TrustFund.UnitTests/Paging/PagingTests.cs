namespace TrustFund.UnitTests.Paging;

/// <summary>
/// A page number comes from an address anyone can type: whatever it is, the page read is one that exists, so the offset
/// (page - 1) × size never overflows into a negative number PostgreSQL refuses.
/// </summary>
public sealed class PagingTests
{
    [Theory]
    [InlineData(1, 0, 25, 1)]                   // an empty list has one (empty) page
    [InlineData(0, 100, 25, 1)]
    [InlineData(-1, 100, 25, 1)]
    [InlineData(int.MinValue, 100, 25, 1)]
    [InlineData(3, 100, 25, 3)]
    [InlineData(4, 100, 25, 4)]                 // the last page, full
    [InlineData(5, 100, 25, 4)]                 // past the last: the last
    [InlineData(5, 101, 25, 5)]                 // the last page, with one item
    [InlineData(int.MaxValue, 101, 25, 5)]
    [InlineData(int.MaxValue, int.MaxValue, 100, 21474837)]
    public void Within_BringsAnyPageNumberWithinThePagesThereAre(int asked, int totalCount, int pageSize, int page)
    {
        Assert.Equal(page, TrustFund.Application.Paging.Within(asked, totalCount, pageSize));
        Assert.True((long)(page - 1) * pageSize <= Math.Max(0, totalCount - 1), "the offset stays within the list");
    }
}

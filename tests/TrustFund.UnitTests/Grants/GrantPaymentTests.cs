using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.UnitTests.Grants;

public sealed class GrantPaymentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Requester = Guid.NewGuid(), Certifier = Guid.NewGuid(), Approver = Guid.NewGuid();

    private static GrantPayment Requested() => new(Guid.NewGuid(), 1, 20_000, Requester, "manager", Now);

    [Fact]
    public void Approve_ByTheCertifier_IsRefused()
    {
        var payment = Requested();
        payment.Certify(Certifier, "certifier", null, Now);

        var error = Assert.Throws<DomainException>(() => payment.Approve(Certifier, "certifier", null, Now));

        Assert.Equal("You certified this payment: another officer must approve it.", error.Message);
        Assert.Equal(PaymentStatus.Certified, payment.Status);
    }

    [Fact]
    public void Approve_ByTheRequester_IsRefused()
    {
        var payment = Requested();
        payment.Certify(Certifier, "certifier", null, Now);

        Assert.Throws<DomainException>(() => payment.Approve(Requester, "manager", null, Now));
        Assert.Equal(PaymentStatus.Certified, payment.Status);
    }

    [Fact]
    public void Steps_OutOfOrder_AreRefused()
    {
        var payment = Requested();

        Assert.Throws<DomainException>(() => payment.Approve(Approver, "approver", null, Now));
        Assert.Throws<DomainException>(() => payment.Disburse(new DateOnly(2026, 11, 2), "TT-1", 20_000, null, "approver", Now));
    }

    [Fact]
    public void Disburse_MoreThanTheRemainingObligation_IsRefused()
    {
        var payment = Requested();
        payment.Certify(Certifier, "certifier", null, Now);
        payment.Approve(Approver, "approver", null, Now);

        Assert.Throws<DomainException>(() => payment.Disburse(new DateOnly(2026, 11, 2), "TT-1", 19_999.99m, null, "approver", Now));
        payment.Disburse(new DateOnly(2026, 11, 2), "TT-1", 20_000, null, "approver", Now);

        Assert.Equal(PaymentStatus.Disbursed, payment.Status);
        var twice = Assert.Throws<DomainException>(() => payment.Disburse(new DateOnly(2026, 11, 2), "TT-1", 20_000, null, "approver", Now));
        Assert.Equal("This payment has already been disbursed.", twice.Message);
    }

    [Fact]
    public void Certify_WhileAReportIsOverdue_IsHeld()
    {
        var overdue = new GrantReport(Guid.NewGuid(), GrantReportKind.InterimFinancial, new DateOnly(2026, 10, 1));
        Assert.True(overdue.MarkOverdue(new DateOnly(2026, 10, 2)));

        var error = Assert.Throws<DomainException>(() => Requested().Certify(Certifier, "certifier", overdue, Now));

        Assert.Equal("This instalment is held: a report of the grant due {0:yyyy-MM-dd} is overdue.", error.Template);
    }

    [Fact]
    public void Report_MarkOverdue_OnlyAfterItsDueDate_AndNotOnceSubmitted()
    {
        var report = new GrantReport(Guid.NewGuid(), GrantReportKind.FinalNarrative, new DateOnly(2026, 10, 1));

        Assert.False(report.MarkOverdue(new DateOnly(2026, 10, 1)));
        report.Submit(Now);
        Assert.False(report.MarkOverdue(new DateOnly(2026, 12, 1)));
        report.Accept(Now, "manager");
        Assert.Equal(GrantReportStatus.Accepted, report.Status);
    }
}

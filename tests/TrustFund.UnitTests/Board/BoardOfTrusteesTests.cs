using TrustFund.Domain.Board;
using TrustFund.Domain.Common;
using TrustFund.Domain.ReferenceData;

namespace TrustFund.UnitTests.Board;

public sealed class BoardOfTrusteesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly Start = new(2026, 1, 1);

    /// <summary>A nationality in each regional group, as the countries table maps them.</summary>
    private static readonly Dictionary<string, string> NationalityOf = new()
    {
        [RegionalGroup.African] = "SN", [RegionalGroup.AsiaPacific] = "JP", [RegionalGroup.EasternEuropean] = "UA",
        [RegionalGroup.LatinAmericanCaribbean] = "CO", [RegionalGroup.WesternEuropeanOthers] = "SE",
    };

    private static TrusteeAppointment Appoint(BoardOfTrustees board, string group, DateOnly? start = null, DateOnly? end = null,
        Guid? person = null) =>
        board.Appoint(person ?? Guid.NewGuid(), NationalityOf[group], group, null, null, start ?? Start, end, Now);

    private static BoardOfTrustees FullBoard()
    {
        var board = new BoardOfTrustees([], []);
        foreach (var group in BoardOfTrustees.SeatGroups) Appoint(board, group);
        return board;
    }

    [Fact]
    public void Appoint_WithoutAnEnd_GivesAThreeYearFirstTerm_InTheNationalitysGroup()
    {
        var board = new BoardOfTrustees([], []);
        var appointment = board.Appoint(Guid.NewGuid(), "SN", RegionalGroup.African, null, null, Start, null, Now);

        Assert.Equal(new DateOnly(2029, 1, 1), appointment.TermEnd);
        Assert.Equal(1, appointment.TermNumber);
        Assert.Equal(RegionalGroup.African, appointment.RegionalGroupCode);
        Assert.Null(appointment.RegionalGroupReason);
        Assert.Single(board.ServingOn(Today));
    }

    [Fact]
    public void Appoint_FiveTrustees_OneFromEachGroup_FillsTheBoard()
    {
        var board = FullBoard();
        Assert.Equal(5, board.ServingOn(Today).Count);
        Assert.Equal(BoardOfTrustees.SeatGroups.Order(), board.ServingOn(Today).Select(a => a.RegionalGroupCode).Order());
    }

    [Fact]
    public void Appoint_ASixthServingTrustee_IsRefused()
    {
        var board = FullBoard();
        // Even with an overridden group, the sixth seat does not exist.
        var error = Assert.Throws<DomainException>(() =>
            board.Appoint(Guid.NewGuid(), "KI", null, RegionalGroup.AsiaPacific, "Kiribati sits in no group.", Today, null, Now));
        Assert.Equal("The board already has five serving trustees during these dates: end a term or choose other dates first.", error.Message);
        Assert.Equal(5, board.Appointments.Count);
    }

    [Fact]
    public void Appoint_TwoServingTrusteesFromTheSameGroup_IsRefused()
    {
        var board = new BoardOfTrustees([], []);
        Appoint(board, RegionalGroup.African);
        var error = Assert.Throws<DomainException>(() =>
            board.Appoint(Guid.NewGuid(), "KE", RegionalGroup.African, null, null, Today, null, Now));
        Assert.Equal("A trustee from the same regional group is already serving during these dates: each regional group has one seat.", error.Message);
    }

    [Fact]
    public void Appoint_AFutureTermThatOverlapsTheSeatHolder_IsRefused()
    {
        var board = new BoardOfTrustees([], []);
        Appoint(board, RegionalGroup.African); // until 2029-01-01
        Assert.Throws<DomainException>(() => Appoint(board, RegionalGroup.African, start: new DateOnly(2028, 12, 31)));
    }

    [Fact]
    public void Appoint_ASuccessorStartingTheDayTheTermEnds_IsAccepted()
    {
        var board = new BoardOfTrustees([], []);
        var first = Appoint(board, RegionalGroup.African);
        var successor = Appoint(board, RegionalGroup.African, start: first.TermEnd);
        Assert.False(first.IsServingOn(first.TermEnd));
        Assert.True(successor.IsServingOn(first.TermEnd));
    }

    [Fact]
    public void Appoint_InAGroupOtherThanTheNationalitys_NeedsAReason()
    {
        var board = new BoardOfTrustees([], []);
        var error = Assert.Throws<DomainException>(() =>
            board.Appoint(Guid.NewGuid(), "TR", RegionalGroup.AsiaPacific, RegionalGroup.WesternEuropeanOthers, " ", Start, null, Now));
        Assert.Equal("Give the reason for choosing a regional group other than the nationality's.", error.Message);

        var appointment = board.Appoint(Guid.NewGuid(), "TR", RegionalGroup.AsiaPacific, RegionalGroup.WesternEuropeanOthers,
            " Türkiye counts in WEOG for this fund. ", Start, null, Now);
        Assert.Equal(RegionalGroup.WesternEuropeanOthers, appointment.RegionalGroupCode);
        Assert.Equal("Türkiye counts in WEOG for this fund.", appointment.RegionalGroupReason);
    }

    [Fact]
    public void Appoint_ANationalityInNoGroup_WithoutChoosingOne_IsRefused()
    {
        var board = new BoardOfTrustees([], []);
        var error = Assert.Throws<DomainException>(() => board.Appoint(Guid.NewGuid(), "KI", null, null, null, Start, null, Now));
        Assert.Equal("This nationality belongs to no UN regional group: choose the group the trustee will represent and give the reason.", error.Message);
    }

    [Fact]
    public void Appoint_ToAGroupThatIsNotASeat_IsRefused()
    {
        var board = new BoardOfTrustees([], []);
        var error = Assert.Throws<DomainException>(() => board.Appoint(Guid.NewGuid(), "SN", RegionalGroup.African, "OTHER", "why", Start, null, Now));
        Assert.Equal("Choose one of the five UN regional groups.", error.Message);
    }

    [Theory]
    [InlineData(0, "The term must end after it starts.")]
    [InlineData(-1, "The term must end after it starts.")]
    public void Appoint_EndingOnOrBeforeItsStart_IsRefused(int days, string message)
    {
        var board = new BoardOfTrustees([], []);
        var error = Assert.Throws<DomainException>(() => Appoint(board, RegionalGroup.African, end: Start.AddDays(days)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Appoint_ForLongerThanThreeYears_IsRefused_ButExactlyThreeYearsOrShorterIsAccepted()
    {
        var board = new BoardOfTrustees([], []);
        var error = Assert.Throws<DomainException>(() => Appoint(board, RegionalGroup.African, end: Start.AddYears(3).AddDays(1)));
        Assert.Equal("A term lasts at most three years.", error.Message);
        Assert.Equal(Start.AddYears(3), Appoint(board, RegionalGroup.African, end: Start.AddYears(3)).TermEnd);
        Assert.Equal(Start.AddYears(4), Appoint(board, RegionalGroup.AsiaPacific, start: Start.AddYears(3), end: Start.AddYears(4)).TermEnd);
    }

    [Fact]
    public void Appoint_APersonAlreadyServingThen_IsRefused()
    {
        var board = new BoardOfTrustees([], []);
        var person = Guid.NewGuid();
        Appoint(board, RegionalGroup.African, person: person);
        var error = Assert.Throws<DomainException>(() =>
            board.Appoint(person, "SN", RegionalGroup.African, RegionalGroup.AsiaPacific, "moved", Today, null, Now));
        Assert.Equal("This person already has a term during these dates.", error.Message);
    }

    [Fact]
    public void IsServing_FromTheFirstDay_UntilTheDayBeforeTheEnd()
    {
        var board = new BoardOfTrustees([], []);
        var appointment = Appoint(board, RegionalGroup.African, start: Today, end: Today.AddYears(1));
        Assert.False(appointment.IsServingOn(Today.AddDays(-1)));
        Assert.True(appointment.IsServingOn(Today));
        Assert.True(appointment.IsServingOn(Today.AddYears(1).AddDays(-1)));
        Assert.False(appointment.IsServingOn(Today.AddYears(1)));
    }

    [Fact]
    public void Renew_AFirstTerm_GivesASecondTermFromTheDayTheFirstEnds()
    {
        var board = new BoardOfTrustees([], []);
        var first = Appoint(board, RegionalGroup.African);
        var second = board.Renew(first.Id, null, Today, Now);

        Assert.Equal(2, second.TermNumber);
        Assert.Equal(first.Id, second.RenewalOf);
        Assert.Equal(first.TermEnd, second.TermStart);
        Assert.Equal(first.TermEnd.AddYears(3), second.TermEnd);
        Assert.Equal(first.TrusteeUserId, second.TrusteeUserId);
        Assert.Equal(first.RegionalGroupCode, second.RegionalGroupCode);
    }

    [Fact]
    public void Renew_ASecondTerm_IsRefusedAsAThirdTerm()
    {
        var board = new BoardOfTrustees([], []);
        var second = board.Renew(Appoint(board, RegionalGroup.African).Id, null, Today, Now);
        var error = Assert.Throws<DomainException>(() => board.Renew(second.Id, null, Today, Now));
        Assert.Equal("A trustee may serve at most two terms: this would be a third.", error.Message);
    }

    [Fact]
    public void Renew_TheFirstTermTwice_IsRefused()
    {
        var board = new BoardOfTrustees([], []);
        var first = Appoint(board, RegionalGroup.African);
        board.Renew(first.Id, null, Today, Now);
        var error = Assert.Throws<DomainException>(() => board.Renew(first.Id, null, Today, Now));
        Assert.Equal("This term has already been renewed.", error.Message);
        Assert.Equal(2, board.Appointments.Count);
    }

    [Fact]
    public void Appoint_APersonWhoServedTwoTerms_IsRefusedAsAThirdTerm()
    {
        var board = new BoardOfTrustees([], []);
        var person = Guid.NewGuid();
        var first = Appoint(board, RegionalGroup.African, start: new DateOnly(2018, 1, 1), person: person);
        Appoint(board, RegionalGroup.African, start: first.TermEnd, person: person); // a second term, appointed again later
        var error = Assert.Throws<DomainException>(() => Appoint(board, RegionalGroup.African, start: new DateOnly(2025, 1, 1), person: person));
        Assert.Equal("A trustee may serve at most two terms: this would be a third.", error.Message);
    }

    [Fact]
    public void Appoint_AfterAFutureTermWasCancelled_DoesNotCountTheCancelledOne()
    {
        var board = new BoardOfTrustees([], []);
        var person = Guid.NewGuid();
        var cancelled = Appoint(board, RegionalGroup.African, start: Today.AddDays(10), person: person);
        board.EndEarly(cancelled.Id, Today, "Declined the appointment.", Today);
        Assert.False(cancelled.CountsAsATerm);

        var again = Appoint(board, RegionalGroup.African, start: Today.AddDays(20), person: person);
        Assert.Equal(1, again.TermNumber);
    }

    [Fact]
    public void Renew_ATermThatEndedYesterday_IsRefused_ButOneEndingTomorrowIsRenewed()
    {
        var board = new BoardOfTrustees([], []);
        var endedYesterday = Appoint(board, RegionalGroup.African, start: Today.AddYears(-3).AddDays(-1), end: Today.AddDays(-1));
        var error = Assert.Throws<DomainException>(() => board.Renew(endedYesterday.Id, null, Today, Now));
        Assert.Equal("This term has already ended: appoint the person again instead of renewing.", error.Message);

        var endingTomorrow = Appoint(board, RegionalGroup.AsiaPacific, start: Today.AddYears(-3).AddDays(1), end: Today.AddDays(1));
        Assert.Equal(Today.AddDays(1), board.Renew(endingTomorrow.Id, null, Today, Now).TermStart);
    }

    [Fact]
    public void Renew_ATermEndingToday_IsRefused_BecauseItIsNoLongerServing()
    {
        var board = new BoardOfTrustees([], []);
        var endsToday = Appoint(board, RegionalGroup.African, start: Today.AddYears(-3), end: Today);
        Assert.False(endsToday.IsServingOn(Today));
        Assert.Throws<DomainException>(() => board.Renew(endsToday.Id, null, Today, Now));
    }

    [Fact]
    public void Renew_WhenASuccessorIsAlreadyAppointed_IsRefusedForTheSeat()
    {
        var board = new BoardOfTrustees([], []);
        var first = Appoint(board, RegionalGroup.African);
        Appoint(board, RegionalGroup.African, start: first.TermEnd);
        var error = Assert.Throws<DomainException>(() => board.Renew(first.Id, null, Today, Now));
        Assert.Equal("A trustee from the same regional group is already serving during these dates: each regional group has one seat.", error.Message);
    }

    [Fact]
    public void EndEarly_FreesTheSeatFromThatDay()
    {
        var board = new BoardOfTrustees([], []);
        var appointment = Appoint(board, RegionalGroup.African);
        board.EndEarly(appointment.Id, Today.AddDays(1), "Resigned.", Today);

        Assert.True(appointment.IsServingOn(Today));
        Assert.False(appointment.IsServingOn(Today.AddDays(1)));
        Assert.Equal(Today.AddDays(1), appointment.EffectiveEnd);
        Assert.Equal("Resigned.", appointment.EndedEarlyReason);
        Assert.Equal(Today.AddDays(1), Appoint(board, RegionalGroup.African, start: Today.AddDays(1)).TermStart);
    }

    [Fact]
    public void EndEarly_Today_EndsServiceToday_ButNotYesterday()
    {
        var board = new BoardOfTrustees([], []);
        var appointment = Appoint(board, RegionalGroup.African);
        board.EndEarly(appointment.Id, Today, "Resigned.", Today);
        Assert.False(appointment.IsServingOn(Today));
        Assert.True(appointment.IsServingOn(Today.AddDays(-1)));

        var other = Appoint(board, RegionalGroup.AsiaPacific);
        var error = Assert.Throws<DomainException>(() => board.EndEarly(other.Id, Today.AddDays(-1), "Backdated.", Today));
        Assert.Equal("A term cannot be ended on a date in the past.", error.Message);
    }

    [Fact]
    public void EndEarly_WithoutAReason_Twice_OrOnThePlannedEnd_IsRefused()
    {
        var board = new BoardOfTrustees([], []);
        var appointment = Appoint(board, RegionalGroup.African);
        Assert.Equal("Give the reason for ending the term early.",
            Assert.Throws<DomainException>(() => board.EndEarly(appointment.Id, Today, "  ", Today)).Message);
        Assert.Equal("The early end must come before the planned end of the term.",
            Assert.Throws<DomainException>(() => board.EndEarly(appointment.Id, appointment.TermEnd, "Late.", Today)).Message);
        board.EndEarly(appointment.Id, Today, "Resigned.", Today);
        Assert.Equal("This term has already been ended early.",
            Assert.Throws<DomainException>(() => board.EndEarly(appointment.Id, Today, "Again.", Today)).Message);
    }

    [Fact]
    public void Renew_ATermEndedEarly_IsRefused()
    {
        var board = new BoardOfTrustees([], []);
        var appointment = Appoint(board, RegionalGroup.African);
        board.EndEarly(appointment.Id, Today.AddDays(30), "Resigning next month.", Today);
        var error = Assert.Throws<DomainException>(() => board.Renew(appointment.Id, null, Today, Now));
        Assert.Equal("A term that was ended early cannot be renewed.", error.Message);
    }

    [Fact]
    public void DesignateChair_AServingTrustee_IsTheChairOfTheYear_AndASecondDesignationReplacesTheFirst()
    {
        var board = FullBoard();
        var african = board.Appointments.Single(a => a.RegionalGroupCode == RegionalGroup.African);
        var asian = board.Appointments.Single(a => a.RegionalGroupCode == RegionalGroup.AsiaPacific);

        Assert.NotNull(board.DesignateChair(Today.Year, african.Id, Today, Now));
        Assert.Equal(african.Id, board.ChairOn(Today)!.Id);

        Assert.Null(board.DesignateChair(Today.Year, asian.Id, Today, Now)); // replaced, not added
        Assert.Single(board.Chairs, c => c.Year == Today.Year);
        Assert.Equal(asian.Id, board.ChairOn(Today)!.Id);
    }

    [Fact]
    public void DesignateChair_ATrusteeNotServing_IsRefused()
    {
        var board = new BoardOfTrustees([], []);
        var past = Appoint(board, RegionalGroup.African, start: Today.AddYears(-3), end: Today);
        var error = Assert.Throws<DomainException>(() => board.DesignateChair(Today.Year, past.Id, Today, Now));
        Assert.Equal("The chairperson must be a serving trustee.", error.Message);

        var future = Appoint(board, RegionalGroup.AsiaPacific, start: new DateOnly(Today.Year + 1, 3, 1));
        Assert.Throws<DomainException>(() => board.DesignateChair(Today.Year + 1, future.Id, Today, Now));
    }

    [Fact]
    public void DesignateChair_ForAComingYear_NeedsATrusteeServingOnItsFirstDay()
    {
        var board = new BoardOfTrustees([], []);
        var appointment = Appoint(board, RegionalGroup.African);
        Assert.NotNull(board.DesignateChair(Today.Year + 1, appointment.Id, Today, Now));
        Assert.Null(board.ChairOn(Today));
        Assert.Equal(appointment.Id, board.ChairOn(new DateOnly(Today.Year + 1, 6, 1))!.Id);
    }

    [Fact]
    public void DesignateChair_ForAPastYear_IsRefused()
    {
        var board = new BoardOfTrustees([], []);
        var appointment = Appoint(board, RegionalGroup.African);
        var error = Assert.Throws<DomainException>(() => board.DesignateChair(Today.Year - 1, appointment.Id, Today, Now));
        Assert.Equal("A chairperson can be designated only for the current year or a coming one.", error.Message);
    }

    [Fact]
    public void ChairOn_AfterTheChairsTermEndedEarly_IsNobody()
    {
        var board = new BoardOfTrustees([], []);
        var appointment = Appoint(board, RegionalGroup.African);
        board.DesignateChair(Today.Year, appointment.Id, Today, Now);
        board.EndEarly(appointment.Id, Today.AddDays(1), "Resigned.", Today);
        Assert.NotNull(board.ChairOn(Today));
        Assert.Null(board.ChairOn(Today.AddDays(1)));
    }

    [Fact]
    public void Appoint_AfterATermEndsEarly_TheSixthSeatBecomesTheFifth()
    {
        var board = FullBoard();
        var weog = board.Appointments.Single(a => a.RegionalGroupCode == RegionalGroup.WesternEuropeanOthers);
        board.EndEarly(weog.Id, Today, "Resigned.", Today);
        var successor = Appoint(board, RegionalGroup.WesternEuropeanOthers, start: Today);
        Assert.Equal(5, board.ServingOn(Today).Count);
        Assert.Contains(successor, board.ServingOn(Today));
    }

    [Fact]
    public void Appoint_InASeatWhoseHolderEndsToday_IsAccepted_ButEndingTomorrowIsRefused()
    {
        var board = new BoardOfTrustees([], []);
        Appoint(board, RegionalGroup.African, start: Today.AddYears(-3), end: Today);
        Appoint(board, RegionalGroup.AsiaPacific, start: Today.AddYears(-3).AddDays(1), end: Today.AddDays(1));

        Assert.Equal(Today, Appoint(board, RegionalGroup.African, start: Today).TermStart);
        Assert.Throws<DomainException>(() => Appoint(board, RegionalGroup.AsiaPacific, start: Today));
        Assert.Equal(Today.AddDays(1), Appoint(board, RegionalGroup.AsiaPacific, start: Today.AddDays(1)).TermStart);
    }

    [Fact]
    public void Appoint_ASixthWhileTheFifthStillServes_IsRefused_ButFromTheDayItsTermEndsIsAccepted()
    {
        var board = new BoardOfTrustees([], []);
        foreach (var group in BoardOfTrustees.SeatGroups.Skip(1)) Appoint(board, group);
        var leaving = Appoint(board, RegionalGroup.African, start: Today.AddYears(-3).AddDays(1), end: Today.AddDays(1));
        // Kiribati sits in no group: seated by override, the only rule left to refuse it is the number of seats.
        Assert.Throws<DomainException>(() =>
            board.Appoint(Guid.NewGuid(), "KI", null, RegionalGroup.African, "Resident in Ghana.", Today, null, Now));
        Assert.Equal(Today.AddDays(1), board.Appoint(Guid.NewGuid(), "KI", null, RegionalGroup.African, "Resident in Ghana.",
            leaving.TermEnd, null, Now).TermStart);
        Assert.Equal(5, board.ServingOn(Today.AddDays(1)).Count);
    }

    [Fact]
    public void Appoint_AFutureTermWhenTheBoardFillsUpLater_CountsEveryDayOfTheNewTerm()
    {
        var board = new BoardOfTrustees([], []);
        // Four seats held now; the fifth group's seat is taken from next year.
        foreach (var group in BoardOfTrustees.SeatGroups.Take(4)) Appoint(board, group);
        Appoint(board, RegionalGroup.WesternEuropeanOthers, start: new DateOnly(2027, 6, 1));
        // A sixth starting today would be the fifth today but the sixth from June 2027.
        var error = Assert.Throws<DomainException>(() =>
            board.Appoint(Guid.NewGuid(), "KI", null, RegionalGroup.AsiaPacific, "No group.", Today, new DateOnly(2027, 12, 1), Now));
        Assert.Equal("The board already has five serving trustees during these dates: end a term or choose other dates first.", error.Message);
    }
}

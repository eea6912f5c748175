using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Features.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>
/// Every page handler that posts (<c>OnPost*</c>, found by reflection over the web assembly) has a row naming the tests
/// that post through its page: one valid post (its effect, a redirect or the page with its notice) and one refused post
/// (the page again with that form's own message only, never a 5xx). A new handler without a row fails the build's tests;
/// so does a row naming a handler or a test that no longer exists. Where no refused post exists yet the row says so
/// (<see cref="Gap"/>): the list of gaps is the work left, in one place.
/// </summary>
public sealed class PostHandlerCoverageTests(TrustFundAppFactory app) : GrantTest(app)
{
    /// <summary>A handler's tests, each "Class.Method" in this assembly; <c>Refused</c> null only with a <c>Gap</c>.</summary>
    public sealed record Row(string Handler, string? Valid, string? Refused, string? Gap = null);

    private const string NoRefusal = "nothing the person types: the post cannot be refused other than by access rules";

    public static readonly Row[] Rows =
    [
        new("Areas.Admin.Pages.ApiTokens.IndexModel.OnPostRevokeAsync", "TokensAndFactorsTests.AnAdministrator_ListsTokensInUse_AndRevokesOne_WhichStopsWorking", "ApiTokenListFormTests.RevokingATokenAlreadyRevoked_IsRefusedWithThatMessage_AndTheListStillShowsTheOthers"),
        new("Areas.Admin.Pages.Board.AppointModel.OnPostAsync", "AppointmentPagesTests.AppointTrustee_ThroughThePage_SeatsThePersonInTheNationalitysGroupForThreeYears", "AppointmentPagesTests.AppointTrustee_ASecondServingTrusteeFromTheSameGroup_IsRefusedWithAClearMessage"),
        new("Areas.Admin.Pages.Board.ChairModel.OnPostAsync", "AppointmentPagesTests.DesignateChair_ThroughThePage_ShowsTheChairOnTheBoardPage_AndASecondChoiceReplacesTheFirst", "AppointmentPagesTests.DesignateChair_ForAPastYear_IsRefused"),
        new("Areas.Admin.Pages.Board.EndModel.OnPostAsync", "AppointmentPagesTests.EndTerm_WithAReason_VacatesTheSeatFromThatDay", "AppointmentPagesTests.EndTerm_WithoutAReason_OrInThePast_IsRefused"),
        new("Areas.Admin.Pages.Board.RenewModel.OnPostAsync", "AppointmentPagesTests.RenewTerm_ThroughThePage_GivesASecondTermFromTheDayTheFirstEnds", "AppointmentPagesTests.RenewTerm_ASecondTerm_IsRefusedAsAThirdTerm"),
        new("Areas.Admin.Pages.Mail.IndexModel.OnPostResendAsync", "OutboxDeliveryTests.UndeliveredMail_IsListedForTheAdministrator_WhoSendsItAgain_AndOthersCannot", null, NoRefusal),
        new("Areas.Admin.Pages.Users.CreateModel.OnPostAsync", "AdminUsersTests.Admin_CreatesAUserWithRoles_WhoGetsAnEmailToChooseAPassword", "AdminUsersTests.CreateUser_WithAnAddressAlreadyTaken_IsRefusedWithAClearMessage"),
        new("Areas.Admin.Pages.Users.RolesModel.OnPostAsync", "AdminUsersTests.Admin_ChangesRoles", "PostHandlerCoverageTests.RolesPage_AnAdministratorDroppingTheirOwnAdminRole_IsRefusedWithThatMessageOnly"),
        new("Areas.Apply.Pages.ColleaguesModel.OnPostAsync", "ApplicantFormPagesTests.ColleaguesPage_TheAdministratorInvitesThroughThePage_TheColleagueGetsAnAccountInTheChosenLanguage", "ApplicantFormPagesTests.ColleaguesPage_AnInvitationWithoutAName_OrToAnAddressTaken_IsRefusedWithItsMessage_KeepingWhatWasTyped"),
        new("Areas.Apply.Pages.OrganisationModel.OnPostAsync", "HostileInputPropertyTests.HostileValues_InEveryApplicantField_NeverBreakAPage_AndNeverStoreWhatIsOutOfBounds", "InputBoundsTests.OrganisationProfile_AValueThatCannotBeReadOrIsOutOfItsWindow_IsRefused_NeverDropped"),
        new("Areas.Apply.Pages.StartModel.OnPostAsync", "EligibilityCheckTests.StartPage_EveryAnswerYes_StartsTheDraft_AndOpensItsTaskList", "EligibilityCheckTests.StartPage_AnAnswerThatMakesTheOrganisationIneligible_StopsItWithTheRule_AndWritesNothing"),
        new("Areas.Apply.Pages.Reports.ReportModel.OnPostAsync", "GranteeReportBoundsTests.NarrativeDraft_ANonNumberInACount_IsRefused_ShownAsTyped_AndTheSavedCountIsKept", "GranteeReportBoundsTests.NarrativeDraft_ACountOutOfBounds_IsRefusedAtItsBreakdown_AndNothingIsSaved"),
        new("Areas.Apply.Pages.Reports.ReportModel.OnPostAutosaveAsync", "GranteeReportTests.GranteeReportForm_Autosave_StoresTheDraftAndAnswersTheNewVersion", "GranteeReportBoundsTests.NarrativeAutosave_ANonNumberInACount_Answers422_AndSavesNothing"),
        new("Areas.Apply.Pages.Reports.ReportModel.OnPostSubmitAsync", "GranteeReportTests.GranteeReports_SubmitSendBackResubmitAccept_ReleasesTheNextInstalment", "GranteeReportTests.FinancialReportForm_VarianceRefused_ShowsOnlyThatMessage_ThenCorrectedAndSubmittedAgain"),
        new("Areas.Apply.Pages.StepModel.OnPostAsync", "SubmitApplicationTests.SubmitApplication_ThroughThePage_ShowsTheReceipt_AndTranslatesProblems", "RefusalLanguageTests.ApplicationSteps_RefusedValues_AreNamedByTheirLabels_InTheReadersLanguage"),
        new("Areas.Apply.Pages.StepModel.OnPostAutosaveAsync", "DraftAndAccessTests.Autosave_ReturnsTheNewVersion", "SaveStepTests.Autosave_RefusedByValidation_Answers422InJson_InTheReadersLanguage_AndSavesNothing"),
        new("Areas.Apply.Pages.StepModel.OnPostUploadAsync", "DraftAndAccessTests.UploadPage_AcceptsAFileWithoutJavaScript", "SaveStepTests.UploadWithoutAFile_ShowsTheAttachmentsPageWithTheMessage"),
        new("Areas.Apply.Pages.StepModel.OnPostRemoveAsync", "RemoveAttachmentTests.RemovingAnAttachment_IsAudited_WithWhoWhatAndTheFilesHash_NotItsContent", null, NoRefusal),
        new("Areas.Apply.Pages.StepModel.OnPostSubmitAsync", "SubmitApplicationTests.SubmitApplication_ThroughThePage_ShowsTheReceipt_AndTranslatesProblems", "SaveStepTests.Submit_AnIncompleteDraft_ShowsTheReviewPageWithTheProblems_AndNothingIsSubmitted"),
        new("Areas.Apply.Pages.ViewModel.OnPostWithdrawAsync", "SubmitApplicationTests.Withdraw_MarksTheApplicationWithdrawn_AndKeepsItsHistory", "ApplicantFormPagesTests.ViewPage_WithdrawingFromAPageLoadedBeforeItWasWithdrawn_IsRefusedWithThatMessageOnly"),
        new("Areas.Board.Pages.Sessions.DetailsModel.OnPostVoteAsync", "SessionPagesTests.SessionPages_TrusteesVote_ConflictedTrusteeIsRefused_ManagerClosesAndApproves", "SessionPagesTests.SessionPages_TrusteesVote_ConflictedTrusteeIsRefused_ManagerClosesAndApproves"),
        new("Areas.Board.Pages.Sessions.DetailsModel.OnPostCloseAsync", "SessionPagesTests.SessionPages_TrusteesVote_ConflictedTrusteeIsRefused_ManagerClosesAndApproves", "SessionPagesTests.CloseBallot_FromAPageLeftOpenAfterItWasClosed_IsRefusedWithThatMessage_AndTheCountStays"),
        new("Areas.Board.Pages.Sessions.DetailsModel.OnPostWithdrawAsync", "SessionPagesTests.WithdrawBallot_WithAReason_EndsItUncounted_Audited_AndTheMinutesSayWithdrawn", "SessionPagesTests.WithdrawBallot_WithAReason_EndsItUncounted_Audited_AndTheMinutesSayWithdrawn"),
        new("Areas.Finance.Pages.Payments.IndexModel.OnPostCertifyAsync", "GrantPagesTests.PaymentsPage_CertifyThenApproveByAnotherOfficer_AndShowsHolds", "GrantFormTests.PaymentsPage_OffersEachOfficerOnlyTheirStep_AndARefusalShowsOnlyItsOwnMessage"),
        new("Areas.Finance.Pages.Payments.IndexModel.OnPostApproveAsync", "GrantPagesTests.PaymentsPage_CertifyThenApproveByAnotherOfficer_AndShowsHolds", "GrantFormTests.PaymentsPage_OffersEachOfficerOnlyTheirStep_AndARefusalShowsOnlyItsOwnMessage"),
        new("Areas.Finance.Pages.Payments.IndexModel.OnPostDisburseAsync", "GrantPagesTests.PaymentsPage_ManyDisburseClicksAtOnce_DisbursesOnce", "GrantFormTests.PaymentsPage_OffersEachOfficerOnlyTheirStep_AndARefusalShowsOnlyItsOwnMessage"),
        new("Areas.Fund.Pages.Applications.ScreenModel.OnPostConfirmAsync", "ScreenApplicationsTests.ScreenSeveral_PreviewChangesNothing_ConfirmDecidesEach_SkipsOneScreenedMeanwhile_TellsAndAuditsEach", "ScreenApplicationsTests.Confirm_PostedWithoutAPreview_StillKeepsTheRules_AndSkipsAnotherCallsApplication"),
        new("Areas.Fund.Pages.Applications.ScreenModel.OnPostPreviewAsync", "ScreenApplicationsTests.ScreenSeveral_PreviewChangesNothing_ConfirmDecidesEach_SkipsOneScreenedMeanwhile_TellsAndAuditsEach", "ScreenApplicationsTests.Preview_IneligibleWithoutAReason_OrNothingChosen_IsRefused_AndDecidesNothing"),
        new("Areas.Fund.Pages.Review.WorkloadModel.OnPostConfirmAsync", "BulkAssignmentTests.AssignMany_WithAConflictInTheSet_PreviewListsWhoIsSkippedAndWhy_ConfirmAssignsAndAuditsEach", "BulkAssignmentTests.Preview_NothingTicked_OrTooManyReviewers_IsRefused_AndAssignsNothing"),
        new("Areas.Fund.Pages.Review.WorkloadModel.OnPostPreviewAsync", "BulkAssignmentTests.AssignMany_WithAConflictInTheSet_PreviewListsWhoIsSkippedAndWhy_ConfirmAssignsAndAuditsEach", "BulkAssignmentTests.Preview_NothingTicked_OrTooManyReviewers_IsRefused_AndAssignsNothing"),
        new("Areas.Fund.Pages.Sessions.AgendaModel.OnPostConfirmAsync", "PlaceOnAgendaTests.PutOnAgenda_ShortlistsAndPlacesInRankingOrder_SkipsOneAlreadyOnAnAgenda_TellsAndAuditsEach", "PlaceOnAgendaTests.PutOnAgenda_WithoutAMessageForThoseShortlistedNow_OrOnAPastSession_IsRefused_AndChangesNothing"),
        new("Areas.Fund.Pages.Sessions.AgendaModel.OnPostPreviewAsync", "PlaceOnAgendaTests.PutOnAgenda_ShortlistsAndPlacesInRankingOrder_SkipsOneAlreadyOnAnAgenda_TellsAndAuditsEach", "PlaceOnAgendaTests.PutOnAgenda_WithoutAMessageForThoseShortlistedNow_OrOnAPastSession_IsRefused_AndChangesNothing"),
        new("Areas.Fund.Pages.Applications.DetailsModel.OnPostAsync", "SecretariatTests.EligibilityDecision_IsShownToTheApplicant_WithItsReason", "SecretariatTests.EligibilityDecision_IneligibleWithoutAReason_ShowsThePageAskingForIt"),
        new("Areas.Fund.Pages.Calls.CreateModel.OnPostAsync", "ManageCallsTests.FundManager_CreatesThenPublishesACall_WhichAppearsOnTheHomePage", "ManageCallsTests.CreateCall_WithAmountsOutsideTheWindow_ShowsErrorsNextToTheFields_AndKeepsTheInput"),
        new("Areas.Fund.Pages.Calls.EditModel.OnPostAsync", "ManageCallsTests.FundManager_CreatesThenPublishesACall_WhichAppearsOnTheHomePage", "ManageCallsTests.EditCall_SecondSaveOfAStaleForm_GetsAConflictMessage_AndLosesNothing"),
        new("Areas.Fund.Pages.Calls.EditModel.OnPostPublishAsync", "ManageCallsTests.FundManager_CreatesThenPublishesACall_WhichAppearsOnTheHomePage", "ManageCallsTests.PublishFromTheEditPage_WithTheDeadlinePassed_IsRefusedOnThatPage_WithOnlyThatMessage_AndTheCallStaysADraft"),
        new("Areas.Fund.Pages.Calls.IndexModel.OnPostMoveAsync", "CallListFormTests.CallList_MovesAClosedCallToReview_ThenDecided_ThenArchived_OneButtonAtATime", "CallListFormTests.CallList_AStepOutOfTurn_IsRefusedNamingTheStatusesInTheReadersLanguage_AndAnUnreadableStepMovesNothing"),
        new("Areas.Fund.Pages.Calls.IndexModel.OnPostPublishAsync", "ManageCallsTests.FundManager_CreatesThenPublishesACall_WhichAppearsOnTheHomePage", "ManageCallsTests.PublishCall_WithDeadlineInThePast_IsRefusedWithAClearMessage"),
        new("Areas.Fund.Pages.Calls.QuestionsModel.OnPostAsync", "QuestionsAndColleaguesTests.AQuestion_AnsweredAndPublished_AppearsOnTheCallPage_WithoutTheAskersName", "QuestionAnswerFormTests.AnAnswerLeftEmpty_OrAnEditedQuestionTooLong_IsRefusedInItsOwnForm_AsTyped_AndNothingIsPublished"),
        new("Areas.Fund.Pages.Donors.DetailsModel.OnPostReverseAsync", "ContributionTests.ReverseReceipt_BooksANegatingEntry_ThePledgeIsOutstandingAgain_AndASecondReversalIsRefused", "ContributionTests.ReverseReceipt_WithoutAReason_IsRefused"),
        new("Areas.Fund.Pages.Donors.DetailsModel.OnPostLinkAsync", "ContributionTests.DonorPortal_ShowsADonorOnlyItsOwnContributions", "DonorAndSettingsFormTests.DonorPage_LinkingAnUnknownAddress_AnAccountWithoutTheDonorRole_OrNothing_IsRefusedWithThatFormsMessage"),
        new("Areas.Fund.Pages.Donors.EditModel.OnPostAsync", "ContributionTests.EditDonor_ChangesTheDonor_AndAStaleFormGetsTheConflictMessage", "ContributionTests.EditDonor_ChangesTheDonor_AndAStaleFormGetsTheConflictMessage"),
        new("Areas.Fund.Pages.Donors.IndexModel.OnPostAsync", "ContributionTests.RecordPledgeAndReceipt_ThroughThePages_ShowTheOutstandingAmount", "ReportLanguageTests.Donor_WithALanguageWeDoNotIssueIn_IsRefusedOnTheForm"),
        new("Areas.Fund.Pages.Donors.NewPledgeModel.OnPostAsync", "ContributionTests.RecordPledgeAndReceipt_ThroughThePages_ShowTheOutstandingAmount", "DonorAndSettingsFormTests.NewPledge_AnAmountOrCurrencyThatCannotBe_IsRefusedAsTyped_AndNothingIsRecorded"),
        new("Areas.Fund.Pages.Donors.NewReceiptModel.OnPostAsync", "ContributionTests.RecordPledgeAndReceipt_ThroughThePages_ShowTheOutstandingAmount", "ContributionTests.RecordReceipt_InACurrencyWithoutARateForItsMonth_IsRefusedNamingTheMissingRate_AndBooksNothing"),
        new("Areas.Fund.Pages.Grants.DetailsModel.OnPostSignAsync", "GrantPagesTests.GrantPages_DrawUpEditAndSign_ThroughTheForms", "GrantPagesTests.GrantPages_SigningWithoutEnoughAvailable_ShowsWhy"),
        new("Areas.Fund.Pages.Grants.DetailsModel.OnPostAcceptReportAsync", "GrantDetailsFormTests.GrantPage_AcceptsASubmittedReport_AndTheSameButtonFromAPageLeftOpen_IsRefusedWithThatMessageOnly", "GrantDetailsFormTests.GrantPage_AcceptsASubmittedReport_AndTheSameButtonFromAPageLeftOpen_IsRefusedWithThatMessageOnly"),
        new("Areas.Fund.Pages.Grants.DetailsModel.OnPostCloseAsync", "GrantDetailsFormTests.GrantPage_StartsClosure_AskingBackTheUnspentBalance_AndASecondClickIsRefused", "GrantDetailsFormTests.GrantPage_ClosureBeforeTheFinalReports_IsRefusedWithTheRule"),
        new("Areas.Fund.Pages.Grants.DetailsModel.OnPostAllocateAsync", "EarmarkAllocationTests.GrantPage_AllocatesAndWithdrawsThroughTheForms_WithTheReasonKeptAndAudited", "EarmarkAllocationTests.GrantPage_AllocatesAndWithdrawsThroughTheForms_WithTheReasonKeptAndAudited"),
        new("Areas.Fund.Pages.Grants.DetailsModel.OnPostWithdrawAllocationAsync", "EarmarkAllocationTests.GrantPage_AllocatesAndWithdrawsThroughTheForms_WithTheReasonKeptAndAudited", "EarmarkAllocationTests.GrantPage_AllocatesAndWithdrawsThroughTheForms_WithTheReasonKeptAndAudited"),
        new("Areas.Fund.Pages.Grants.DetailsModel.OnPostRefundAsync", "ClosureTests.RefundForm_PartialAmount_IsRefusedWithTheRule_ThenTheFullBalanceCloses", "ClosureTests.RefundForm_PartialAmount_IsRefusedWithTheRule_ThenTheFullBalanceCloses"),
        new("Areas.Fund.Pages.Grants.DossierModel.OnPostAsync", "AuditorDossierTests.Dossier_OfTheColombianDemoGrant_HoldsEveryFileWithItsHash_AgreesWithTheJournal_AndIsTheSameTwice", "GrantDetailsFormTests.DossierPage_ForAnAgreementNotYetSigned_IsRefusedWithTheRule_AndNothingIsBuilt"),
        new("Areas.Fund.Pages.Grants.EditModel.OnPostAsync", "GrantFormTests.EditAgreement_ManagerChangesTheScheduleBackAndForth_EverySaveIsKept", "GrantFormTests.EditAgreement_FormLoadedBeforeSomeoneElseSaved_IsRefusedAsAConflict"),
        new("Areas.Fund.Pages.Grants.EditModel.OnPostPublicationAsync", "PublicGrantsTests.WithheldName_SetOnTheAgreement_NeverReachesAnythingPublic", null, NoRefusal),
        new("Areas.Fund.Pages.Grants.IndexModel.OnPostCreateAsync", "AgreementReadyNoticeTests.DrawingUpTheAgreement_TellsTheGranteeOnceInItsLanguage_ThatItIsReadyForSignature", "AgreementReadyNoticeTests.DrawingUpTheAgreement_TellsTheGranteeOnceInItsLanguage_ThatItIsReadyForSignature"),
        new("Areas.Fund.Pages.Grants.ReportModel.OnPostAcceptAsync", "GranteeReportTests.GranteeReports_SubmitSendBackResubmitAccept_ReleasesTheNextInstalment", "PostHandlerCoverageTests.ReportPage_AcceptingAReportAlreadyAccepted_IsRefusedWithThatMessageOnly"),
        new("Areas.Fund.Pages.Grants.ReportModel.OnPostSendBackAsync", "GranteeReportTests.GranteeReports_SubmitSendBackResubmitAccept_ReleasesTheNextInstalment", "PostHandlerCoverageTests.ReportPage_SendingBackWithoutAComment_IsRefusedWithThatMessageOnly"),
        new("Areas.Fund.Pages.Rates.ImportModel.OnPostAsync", "UnoreRateTests.ImportRates_TheSampleFile_ImportsEveryRate_IncludingTheMidMonthRevision", "UnoreRateTests.ImportRates_WithBadLines_NamesEachLine_InTheReadersLanguage_AndImportsNothing"),
        new("Areas.Fund.Pages.Rates.IndexModel.OnPostAsync", "UnoreRateTests.AddRate_ByHand_IsListed_AndADuplicateStartDateIsRefused", "UnoreRateTests.AddRate_ByHand_IsListed_AndADuplicateStartDateIsRefused"),
        new("Areas.Fund.Pages.Reports.IndexModel.OnPostCallsSummaryAsync", "IssuedReportTests.IssueCallsSummary_ThroughThePage_StoresThePdf_AndDownloadsGiveTheSameBytes", "IssuedReportTests.IssueCallsSummary_YearOutOfRange_IsRefusedOnTheForm"),
        new("Areas.Fund.Pages.Reports.IndexModel.OnPostAnnualReportAsync", "AnnualReportTests.IssueAnnualReport_ThroughThePage_StatementTotalsEqualTheJournal", "ReportLanguageTests.AnnualReport_InALanguageWeDoNotIssueIn_IsRefusedOnTheForm"),
        new("Areas.Fund.Pages.Reports.IndexModel.OnPostDonorStatementAsync", "DonorStatementTests.IssueDonorStatement_ThroughThePage_TotalEqualsTheJournal_AndOnlyThatDonorSeesIt", "DonorStatementTests.IssueDonorStatement_PeriodEndingBeforeItStarts_IsRefusedOnTheForm"),
        new("Areas.Fund.Pages.Review.AssignModel.OnPostAutoAsync", "ReviewPagesTests.AssignPage_AutomaticAssignment_ShowsTheLoadAndStartsReview", "ReviewFormTests.AssignPage_Automatically_ACountOutsideTwoToFive_OrNotANumber_IsRefused_AsTyped_AndAssignsNobody"),
        new("Areas.Fund.Pages.Review.AssignModel.OnPostHandAsync", "ReviewFormTests.AssignPage_ByHand_AssignsTheChosenReviewer_AndTheApplicationGoesUnderReview", "ReviewFormTests.AssignPage_ByHand_TheSameReviewerTwice_OrSomeoneWhoIsNoReviewer_IsRefusedNextToItsRow_AndAnUnknownApplicationIsNotFound"),
        new("Areas.Fund.Pages.Review.AwardModel.OnPostDecideAsync", "ReviewFormTests.AwardPage_ApprovingWhatTheBoardDidNotRecommend_NeedsAJustification_AndAnAmountWithinTheRequest", "ReviewFormTests.AwardPage_ApprovingWhatTheBoardDidNotRecommend_NeedsAJustification_AndAnAmountWithinTheRequest"),
        new("Areas.Fund.Pages.Review.AwardModel.OnPostDeclineAsync", "ReviewFormTests.AwardPage_TheOrganisationDeclined_IsRecordedWithItsReason_AndWithoutAReasonIsRefusedInTheReadersLanguage", "ReviewFormTests.AwardPage_TheOrganisationDeclined_IsRecordedWithItsReason_AndWithoutAReasonIsRefusedInTheReadersLanguage"),
        new("Areas.Fund.Pages.Review.SelectionModel.OnPostDecideAsync", "ReviewPagesTests.Selection_ApplicantReadsTheOutcomeAndMessage_NeverTheScores", "ReviewFormTests.SelectionPage_WithoutAMessage_IsRefused_KeepingTheChoice_AndAnUnreadableChoiceIsRefusedToo"),
        new("Areas.Fund.Pages.Review.SelectionModel.OnPostReopenAsync", "ReviewFormTests.SelectionPage_ReopensAnAssessmentWithItsReason_AndWithoutAReasonIsRefused", "ReviewFormTests.SelectionPage_ReopensAnAssessmentWithItsReason_AndWithoutAReasonIsRefused"),
        new("Areas.Fund.Pages.Sessions.IndexModel.OnPostAsync", "SessionPagesTests.OpenSession_TwoOfFiveTicked_RecordsExactlyThoseTwo_AndTheMinutesListOnlyThem", "SessionPagesTests.OpenSession_NobodyTicked_IsRefusedAskingWhoWasPresent"),
        new("Areas.Fund.Pages.Settings.IndexModel.OnPostAsync", "DonorAndSettingsFormTests.FundSettings_SavedThroughThePage_AreTheRatesTheFundUses", "DonorAndSettingsFormTests.FundSettings_ARateOutOfBounds_OrNotANumber_IsRefusedAsTyped_AndTheRatesStay"),
        new("Areas.Review.Pages.AffiliationsModel.OnPostAsync", "ReviewPagesTests.AffiliationsPage_DeclaredTie_PreFlagsTheOrganisationsApplication", "ReviewFormTests.AffiliationsPage_WithoutADescription_OrTooLong_IsRefusedAsTyped_AndAnUnknownOrganisationIsNotFound"),
        new("Areas.Review.Pages.ApplicationModel.OnPostDeclareAsync", "ReviewPagesTests.ReviewPage_DeclareNoConflictThenScore_CompletesAndLocksTheAssessment", "ReviewPagesTests.ReviewPage_ConflictedReviewer_SeesNoDetailsNoScores_AndCannotPostScores"),
        new("Areas.Review.Pages.ApplicationModel.OnPostScoreAsync", "ReviewPagesTests.ReviewPage_DeclareNoConflictThenScore_CompletesAndLocksTheAssessment", "ReviewPagesTests.ReviewPage_ConflictedReviewer_SeesNoDetailsNoScores_AndCannotPostScores"),
        new("Pages.Account.ApiTokensModel.OnPostCreateAsync", "ApiTokenTests.CreateApiToken_OnTheAccountPage_ShowsTheSecretOnce_AndStoresOnlyItsHash", "ApiTokenTests.CreateApiToken_StaffWithoutTwoFactor_IsRefused"),
        new("Pages.Account.ApiTokensModel.OnPostRevokeAsync", "ApiTokenTests.Bearer_RevokedToken_IsRefused", "ApiTokenTests.RevokeApiToken_SomeoneElsesToken_IsNotFound"),
        new("Pages.Account.ChangePasswordModel.OnPostAsync", "TokensAndFactorsTests.ChangePassword_OnItsPage_NeedsTheCurrentOne_AndEndsEveryApiToken", "TokensAndFactorsTests.ChangePassword_OnItsPage_NeedsTheCurrentOne_AndEndsEveryApiToken"),
        new("Pages.Account.ForgotPasswordModel.OnPostAsync", "PasswordResetTests.ForgotPassword_WritesAnEmailToTheOutbox_WhichTheDispatcherDeliversAsAnEmlFile_AndTheLinkResetsThePassword", "PasswordResetTests.ForgotPassword_ForAnUnknownAddress_SendsNothing_ButSaysTheSame"),
        new("Pages.Account.KeepAliveModel.OnPostAsync", "SessionTimeoutTests.StaySignedIn_IssuesTheSignInAgainForAWholeSession_SoItOutlivesTheFirst", null, NoRefusal),
        new("Pages.Account.LanguageModel.OnPostAsync", "AccountLanguageTests.TheAccountPage_SavesTheLanguage_ForThisBrowserAndTheNextSignIn", "AccountLanguageTests.TheAccountPage_RefusesALanguageItDoesNotOffer"),
        new("Pages.Account.LoginModel.OnPostAsync", "SignInTests.StaffWhoTurnsOnTwoFactor_ReachesTheStaffPages_AndMustGiveACodeNextTime", "RefusalLanguageTests.TooManySignInAttempts_AreAnsweredInTheReadersLanguage"),
        new("Pages.Account.LoginWith2faModel.OnPostAsync", "SignInTests.StaffWhoTurnsOnTwoFactor_ReachesTheStaffPages_AndMustGiveACodeNextTime", "TwoFactorPagesTests.LoginWith2fa_ACodeFromTenMinutesAgo_IsRefusedWithThatMessageOnly_AndDoesNotSignIn"),
        new("Pages.Account.LogoutModel.OnPostAsync", "SignInTests.Logout_IsAPostWithAntiforgery_AndEndsTheSession", null, NoRefusal),
        new("Pages.Account.ResetPasswordModel.OnPostAsync", "PasswordResetTests.ForgotPassword_WritesAnEmailToTheOutbox_WhichTheDispatcherDeliversAsAnEmlFile_AndTheLinkResetsThePassword", "PasswordResetTests.ResetPassword_WithAForgedCode_IsRefused"),
        new("Pages.Account.TwoFactorModel.OnPostAsync", "SignInTests.StaffWhoTurnsOnTwoFactor_ReachesTheStaffPages_AndMustGiveACodeNextTime", "TwoFactorPagesTests.TwoFactorPage_AnOldCode_OrNone_IsRefusedWithThatMessageOnly_TheSameKeyShownAgain_AndTwoFactorStaysOff"),
        new("Pages.Account.TwoFactorModel.OnPostRecoveryCodesAsync", "TokensAndFactorsTests.NewRecoveryCodes_ReplaceTheOldOnes_AndOneSignsIn_Logged", null, NoRefusal),
        new("Pages.Calls.DetailsModel.OnPostAskAsync", "QuestionsAndColleaguesTests.AQuestion_AnsweredAndPublished_AppearsOnTheCallPage_WithoutTheAskersName", "QuestionsAndColleaguesTests.Questions_AfterTheQuestionDeadline_AreRefused"),
        new("Pages.ErrorModel.OnPost", "EndpointProtectionTests.EveryPagePost_WithoutTheAntiforgeryToken_IsRefused_EvenForAUserWhoMayUseIt", null, "the error page shown for a failed post: nothing to refuse"),
        new("Pages.Notifications.IndexModel.OnPostReadAsync", "ApplicantFormPagesTests.NotificationsPage_MarkAllAsRead_MarksEveryNoticeRead_AndSaysSo", null, NoRefusal),
        new("Pages.Register.IndexModel.OnPostAsync", "DraftAndAccessTests.Registration_SendsAConfirmationLink_AndTheAccountSignsInOnlyAfterConfirming", "RefusalLanguageTests.Registration_WithEveryFieldEmpty_ShowsOneTranslatedMessagePerField_AndNoEnglish"),
    ];

    /// <summary>Every OnPost* handler of the web assembly, as "Namespace-after-TrustFund.Web.Class.Method".</summary>
    public static IReadOnlyList<string> Handlers() =>
        typeof(TrustFund.Web.Hosting.FormPage).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => $"{t.FullName!["TrustFund.Web.".Length..]}.{m.Name}"))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>What the table gets wrong: handlers without a row, rows without a handler, rows naming no test or a test that does not exist.</summary>
    public static List<string> Problems(IReadOnlyList<string> handlers, IReadOnlyList<Row> rows)
    {
        var tests = typeof(PostHandlerCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute)).Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet();
        var problems = handlers.Except(rows.Select(r => r.Handler)).Select(h => $"no row for {h}").ToList();
        problems.AddRange(rows.Select(r => r.Handler).Except(handlers).Select(h => $"a row for {h}, which no page has"));
        problems.AddRange(rows.GroupBy(r => r.Handler).Where(g => g.Count() > 1).Select(g => $"two rows for {g.Key}"));
        foreach (var row in rows)
        {
            if (row.Refused is null && row.Gap is null) problems.Add($"{row.Handler}: no refused post and no reason why");
            if (row.Valid is null && row.Gap is null) problems.Add($"{row.Handler}: no valid post and no reason why");
            foreach (var test in new[] { row.Valid, row.Refused }.OfType<string>().Where(t => !tests.Contains(t)))
                problems.Add($"{row.Handler}: no test {test}");
        }
        return problems;
    }

    [Fact]
    public void EveryPostHandler_HasARowNamingTestsThatExist()
    {
        var handlers = Handlers();

        Assert.True(handlers.Count > 70, $"only {handlers.Count} handlers found: the reflection missed pages");
        Assert.Empty(Problems(handlers, Rows));
    }

    /// <summary>The control: the check does fail for a handler left without a row, a row left without a handler, and a misnamed test.</summary>
    [Fact]
    public void TheCheck_CatchesAHandlerWithoutARow_ARowWithoutAHandler_AndAMisnamedTest()
    {
        var handlers = Handlers().Append("Areas.Fund.Pages.New.IndexModel.OnPostAsync").ToList();
        var rows = Rows.Skip(1).Append(new Row("Areas.Gone.IndexModel.OnPostAsync", "PostHandlerCoverageTests.NoSuchTest", null, "gone")).ToList();

        var problems = Problems(handlers, rows);

        Assert.Contains($"no row for {Rows[0].Handler}", problems);
        Assert.Contains("no row for Areas.Fund.Pages.New.IndexModel.OnPostAsync", problems);
        Assert.Contains("a row for Areas.Gone.IndexModel.OnPostAsync, which no page has", problems);
        Assert.Contains("Areas.Gone.IndexModel.OnPostAsync: no test PostHandlerCoverageTests.NoSuchTest", problems);
    }

    [Fact]
    public async Task RolesPage_AnAdministratorDroppingTheirOwnAdminRole_IsRefusedWithThatMessageOnly()
    {
        var me = await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true);
        var admin = await SignedIn(me);

        var response = await PostPageForm(admin, $"/admin/users/{me.Id}/roles", null, [new("Roles", Roles.FundManager)]);

        var html = await AssertRefusedWith(response, "You cannot remove your own Admin role; ask another administrator.");
        Assert.Contains($"value=\"{Roles.FundManager}\" checked", html.Replace("checked=\"checked\"", "checked")); // as ticked
        await using var db = App.NewDbContext();
        Assert.Contains(Roles.Admin, await db.UserRoles.Where(r => r.UserId == me.Id).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name!).ToListAsync());
    }

    [Fact]
    public async Task ReportPage_SendingBackWithoutAComment_IsRefusedWithThatMessageOnly()
    {
        var (report, manager) = await ASubmittedReport();

        var response = await PostPageForm(manager, $"/fund/grants/reports/{report}", "SendBack", [new("Comment", "   ")]);

        await AssertRefusedWith(response, "Say what the grantee must change.");
        await using var db = App.NewDbContext();
        Assert.Equal(GrantReportStatus.Submitted, (await db.GrantReports.SingleAsync(r => r.Id == report)).Status);
    }

    [Fact]
    public async Task ReportPage_AcceptingAReportAlreadyAccepted_IsRefusedWithThatMessageOnly()
    {
        var (report, manager) = await ASubmittedReport();
        var url = $"/fund/grants/reports/{report}";
        var html = await manager.GetStringAsync(url);
        var accepted = await PostPageForm(manager, url, "Accept", []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        // The same form posted again, as from a second tab still showing the submitted report.
        var again = await manager.PostAsync(url + "?handler=Accept", new FormUrlEncodedContent(HiddenFieldsOf(WebUtility.HtmlDecode(html))));

        await AssertRefusedWith(again, "Only a submitted report can be accepted.");
    }

    private async Task<(Guid Report, HttpClient Manager)> ASubmittedReport()
    {
        var manager = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(manager, 40_000);
        var report = (await Reports(grant)).First(r => r.Kind == GrantReportKind.InterimNarrative).Id;
        await SubmitReport(report);
        return (report, await SignedIn(manager));
    }
}

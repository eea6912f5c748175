using TrustFund.Application.Messaging;
using TrustFund.Domain.Messaging;
using TrustFund.Web.Localization;

namespace TrustFund.IntegrationTests.Support;

/// <summary>A stored notification as a reader of <c>language</c> sees it in the notification centre.</summary>
public static class NoticeReading
{
    public static (string Subject, string Body) In(this Notification notification, string language) =>
        NoticeArguments.Render(new CatalogueDocumentText(), language, new NoticeText(notification.SubjectKey!, notification.BodyKey!),
            notification.Arguments!);
}

using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls;

/// <summary>
/// A question an applicant asks about a call. The asker is kept for the secretariat only; the published Q&A on
/// the call's page never names them.
/// </summary>
public sealed class ClarificationQuestion : Entity
{
    private ClarificationQuestion() { }

    public ClarificationQuestion(Call call, Guid askedByOrganisationId, string question, DateTimeOffset now)
    {
        if (call.Status != CallStatus.Published || now >= call.QuestionDeadline)
            throw new DomainException("Questions about this call are closed.");
        if (string.IsNullOrWhiteSpace(question)) throw new DomainException("Write your question.");
        CallId = call.Id;
        AskedByOrganisationId = askedByOrganisationId;
        Question = question.Trim();
        AskedAt = now;
    }

    public Guid CallId { get; private set; }
    public Guid AskedByOrganisationId { get; private set; }
    public string Question { get; private set; } = "";
    public DateTimeOffset AskedAt { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public bool IsPublished { get; private set; }

    /// <summary>The secretariat answers and, usually, publishes: publishing may also reword the question to remove identifying detail.</summary>
    public void AnswerAndPublish(string question, string answer, bool publish, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(answer)) throw new DomainException("Write the answer.");
        if (!string.IsNullOrWhiteSpace(question)) Question = question.Trim();
        Answer = answer.Trim();
        AnsweredAt = now;
        IsPublished = publish;
    }
}

package dev.aicost.function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * The key that signs report links ({@link ReportLink}): {@code REPORT_LINK_SECRET} locally and in tests,
 * in AWS the Secrets Manager secret named by {@code REPORT_LINK_SECRET_ARN}, read as the Slack signing
 * secret is. No key: reports carry no link and every link is refused.
 */
@ApplicationScoped
@Typed(LinkSecret.class)
public class LinkSecret extends SigningSecret {
    public LinkSecret() {
        super("REPORT_LINK_SECRET", System::getenv, System::currentTimeMillis);
    }
}

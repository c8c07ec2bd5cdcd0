package dev.tenderkit.core.capability;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.money.Money;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How each {@link Remedy} is said to a cashier or a support agent, in Chinese and English: the
 * wording apart from the data, so that the remedies read as what to do and the phrasing can be
 * reviewed (and translated) in one place.
 */
final class RemedyText {
    private RemedyText() {
    }

    static LocalizedText upgradeSoftware(Remedy.UpgradeSoftware r) {
        return LocalizedText.of("将终端软件从 " + r.currentVersion() + " 升级到 " + r.minimumVersion() + " 或更高版本",
                "upgrade the terminal software from " + r.currentVersion() + " to " + r.minimumVersion() + " or later");
    }

    static LocalizedText useCertifiedTerminal(Remedy.UseCertifiedTerminal r) {
        if (r.certifiedTerminals().isEmpty()) {
            return LocalizedText.of("目前没有经过认证的终端，请联系终端厂商",
                    "no terminal is certified for it yet; ask the terminal vendor");
        }
        String list = String.join(", ", r.certifiedTerminals());
        return LocalizedText.of("改用已认证的终端或软件：" + list, "use a certified terminal or software: " + list);
    }

    static LocalizedText configureSettings(Remedy.ConfigureSettings r) {
        String list = String.join(", ", r.settings());
        return LocalizedText.of("在终端上配置：" + list, "configure on the terminal: " + list);
    }

    static LocalizedText attachPeripheral(Remedy.AttachPeripheral r) {
        String list = r.anyOf().stream().map(Enum::name).sorted().collect(Collectors.joining(" / "));
        return LocalizedText.of("连接以下外设之一：" + list, "attach one of: " + list);
    }

    static LocalizedText switchChannel(Remedy.SwitchChannel r) {
        if (!r.merchantChannels().isEmpty()) {
            String list = String.join(", ", r.merchantChannels());
            return LocalizedText.of("改用已签约的通道：" + list, "use a channel already signed that offers it: " + list);
        }
        if (!r.otherChannels().isEmpty()) {
            String list = String.join(", ", r.otherChannels());
            return LocalizedText.of("签约提供该方式的通道：" + list, "sign with a channel that offers it: " + list);
        }
        return LocalizedText.of("目前没有通道提供该支付方式", "no known channel offers this method");
    }

    static LocalizedText submitQualification(Remedy.SubmitQualification r) {
        List<String> materials = r.materials();
        String m = materials.isEmpty() ? "" : String.join("、", materials);
        return LocalizedText.of("向通道 " + r.channelId() + " 提交 " + r.product() + " 资质" + (m.isEmpty() ? "" : "，材料：" + m),
                "submit the " + r.product() + " qualification to channel " + r.channelId()
                        + (m.isEmpty() ? "" : ": materials " + String.join(", ", materials)));
    }

    static LocalizedText awaitReview(Remedy.AwaitReview r) {
        String since = r.submittedOn().map(d -> d.toString()).orElse("");
        return LocalizedText.of("等待通道 " + r.channelId() + " 审核 " + r.product() + " 资质"
                + (since.isEmpty() ? "" : "（" + since + " 提交）"),
                "wait for channel " + r.channelId() + " to finish reviewing the " + r.product() + " qualification"
                        + (since.isEmpty() ? "" : " (submitted " + since + ")"));
    }

    static LocalizedText resubmitQualification(Remedy.ResubmitQualification r) {
        return LocalizedText.of("针对驳回原因（" + r.rejectionReason() + "）补正后向通道 " + r.channelId() + " 重新提交 "
                + r.product() + " 资质",
                "fix what the reviewer gave as the reason (\"" + r.rejectionReason() + "\") and resubmit the "
                        + r.product() + " qualification to channel " + r.channelId());
    }

    static LocalizedText renewQualification(Remedy.RenewQualification r) {
        String when = r.expiredOn().map(d -> d.toString()).orElse("");
        return LocalizedText.of("向通道 " + r.channelId() + " 续期 " + r.product() + " 资质"
                + (when.isEmpty() ? "" : "（已于 " + when + " 到期）"),
                "renew the " + r.product() + " qualification with channel " + r.channelId()
                        + (when.isEmpty() ? "" : " (expired after " + when + ")"));
    }

    static LocalizedText useAnotherMethod(Remedy.UseAnotherMethod r) {
        if (r.alternatives().isEmpty()) {
            return LocalizedText.of("请买家改用其他支付方式", "ask the buyer to pay another way");
        }
        String list = String.join(", ", r.alternatives());
        return LocalizedText.of("请买家改用其他支付方式，例如：" + list, "ask the buyer to pay another way, e.g. " + list);
    }

    static LocalizedText changeAmount(Remedy.ChangeAmount r) {
        String range = r.minimum().map(Money::toPlainString).orElse("0.01") + " – "
                + r.maximum().map(Money::toPlainString).orElse("∞");
        return LocalizedText.of("金额须在 " + range + " 元之间，请调整金额或改用其他方式",
                "the amount must be within " + range + " yuan; change the amount or the method");
    }

    static LocalizedText chooseInstallmentPlan(Remedy.ChooseInstallmentPlan r) {
        List<Integer> periods = r.offeredPeriods();
        if (periods.isEmpty()) {
            return LocalizedText.of("该钱包不提供分期付款，请不分期支付",
                    "this wallet offers no installment plans; take the payment without installments");
        }
        String zh = periods.stream().map(String::valueOf).collect(Collectors.joining("、"));
        return LocalizedText.of("改选钱包提供的分期期数：" + zh + " 期",
                "choose a plan the wallet offers: " + periodsEn(periods) + " installments");
    }

    /** @return "12", "3 or 6", "3, 6 or 12" */
    static String periodsEn(List<Integer> periods) {
        int last = periods.size() - 1;
        String head = periods.subList(0, last).stream().map(String::valueOf).collect(Collectors.joining(", "));
        return head.isEmpty() ? String.valueOf(periods.get(last)) : head + " or " + periods.get(last);
    }

    static LocalizedText refreshPolicy(Remedy.RefreshPolicy r) {
        return LocalizedText.of("更新平台策略数据（当前版本 " + r.currentVersion() + "，发布于 " + r.issuedAt() + "）",
                "refresh the platform policy (version " + r.currentVersion() + ", issued " + r.issuedAt() + ")");
    }
}

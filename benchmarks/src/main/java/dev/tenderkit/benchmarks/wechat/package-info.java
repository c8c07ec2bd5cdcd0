/**
 * WeChat Pay benchmarks (issue 12, issue 14 item 4): the client CPU of a codepay call against the bare
 * sign + verify of the same bytes, whole native-prepay and query calls over loopback side by side with
 * the official {@code wechatpay-java} SDK, and the cold-start programs of both. benchmarks/README.md,
 * "WeChat Pay", says how each is run and what was measured.
 */
package dev.tenderkit.benchmarks.wechat;

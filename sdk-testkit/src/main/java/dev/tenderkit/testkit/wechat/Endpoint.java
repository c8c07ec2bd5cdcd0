package dev.tenderkit.testkit.wechat;

/** One WeChat Pay API the simulator serves; runs under the wallet's lock. */
interface Endpoint {
    /** @return the answer to send, signed by the dispatcher */
    Answer handle(Call call);
}

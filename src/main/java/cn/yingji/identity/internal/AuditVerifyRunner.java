package cn.yingji.identity.internal;

import java.util.function.IntConsumer;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Command-line verification of the audit chain: started with {@code --yingji.audit.verify=true}, the application
 * verifies the chain, prints the result and exits with status 0 (intact) or 1 (broken), before any start-up job
 * (demo loading, first admin) runs.
 */
@Component
@ConditionalOnProperty(name = "yingji.audit.verify", havingValue = "true")
class AuditVerifyRunner implements ApplicationRunner {

    private final AuditLog log;
    private final ConfigurableApplicationContext context;

    AuditVerifyRunner(AuditLog log, ConfigurableApplicationContext context) {
        this.log = log;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = verifyAndPrint();
        int exit = SpringApplication.exit(context, () -> status);
        exitJvm(exit);
    }

    int verifyAndPrint() {
        AuditLog.Verification v = log.verify();
        String line = v.valid()
                ? "Audit chain OK: " + v.checked() + " entries verified."
                : "Audit chain BROKEN at seq " + v.firstBrokenSeq() + " (" + v.checked() + " entries checked).";
        // The operator asked for this on the console; the log level may hide INFO.
        System.out.println(line);
        return v.valid() ? 0 : 1;
    }

    private static void exitJvm(int status) {
        IntConsumer exit = System::exit;
        exit.accept(status);
    }
}

package cn.yingji.risk;

import cn.yingji.directory.SocialCreditCode;
import cn.yingji.support.MatrixContribution;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** An enterprise in 庐阳区 for the jurisdiction matrix. */
@Component
class EnterpriseMatrix implements MatrixContribution {

    private final EnterpriseManagement enterprises;
    private String id;

    EnterpriseMatrix(EnterpriseManagement enterprises) {
        this.enterprises = enterprises;
    }

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        return Map.of("{id}@enterprises", this::foreign);
    }

    private synchronized String foreign() {
        if (id == null) {
            SecurityContextHolder.clearContext();
            String first17 = "91340103MA2MTX001";
            id = enterprises
                    .register(new EnterpriseInput(
                            first17 + SocialCreditCode.checkCharacter(first17),
                            "庐阳矩阵企业有限公司",
                            "INDUSTRIAL_TRADE",
                            EnterpriseSize.SMALL,
                            30,
                            null,
                            null,
                            null,
                            null,
                            "340103000000",
                            null,
                            null))
                    .value()
                    .toString();
        }
        return id;
    }
}

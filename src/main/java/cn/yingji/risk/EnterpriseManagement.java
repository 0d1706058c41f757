package cn.yingji.risk;

import cn.yingji.directory.OrganisationId;

/** Writes of the enterprise registry: inside the caller's capture jurisdiction, audited. */
public interface EnterpriseManagement {

    /**
     * Registers an enterprise. An existing directory organisation with the same credit code is reused (it must be an
     * enterprise and not registered yet); otherwise the organisation is created in the directory.
     *
     * @return the organisation id, which is the enterprise's id
     */
    OrganisationId register(EnterpriseInput input);

    /** Changes an enterprise (not its credit code); {@code expectedVersion} guards against lost updates. */
    Enterprise update(OrganisationId id, int expectedVersion, EnterpriseInput input);

    /**
     * Imports a CSV or XLSX table of enterprises (columns as in the export), all or nothing: new credit codes are
     * registered, known ones updated; any bad row rejects the file with every row's errors.
     *
     * @return the number of rows imported
     */
    int importTable(String filename, byte[] content);
}

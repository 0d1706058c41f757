package cn.yingji.notify;

import cn.yingji.directory.PersonId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Sends messages over the channels and answers who can be reached how. Called by the system (e.g. the 叫应 engine)
 * without a signed-in user; nothing here is filtered by jurisdiction.
 */
public interface Notifications {

    /**
     * Stores one attempt per message (in the caller's transaction, in one batch) and hands them to their channels
     * once that transaction commits. A message to a person without an address on its channel is stored as failed
     * at once (and reported by a failed {@link NotificationReceipt}).
     *
     * @return the attempts' ids, in the order given
     */
    List<NotificationId> send(List<Outgoing> messages);

    /**
     * The channels on which each person can be reached, in the person's order of preference: the stored
     * preference when there is one, otherwise the order of the person's directory contacts (mobile: voice then
     * SMS; e-mail), with in-app last. Channels without an address are left out. A person missing from the map has
     * no channel at all.
     */
    Map<PersonId, List<Channel>> reachable(Collection<PersonId> persons);

    /** The stored (or default) channel preference of a person, in order. */
    List<Channel> preferences(PersonId person);

    /**
     * Stores a person's ordered channel preference (no duplicates, at least one), audited.
     *
     * @throws cn.yingji.shared.InvalidInputException when empty or with duplicates
     */
    void setPreferences(PersonId person, List<Channel> channels);

    /** Every attempt sent for a sender's key (e.g. one call), oldest first. */
    List<Attempt> attempts(String source, String correlation);
}

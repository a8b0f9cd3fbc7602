package io.tousu.platform.problem;

/**
 * Masks phone numbers for logs, reports and exports (信息保密制度): 13800138000 → 138****8000,
 * 010-12345678 → 010-****5678. Anything unrecognised is masked whole.
 */
public final class PhoneMask {
    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            return digits.substring(0, 3) + "****" + digits.substring(7);
        }
        int dash = phone.indexOf('-');
        if (dash > 0 && digits.length() >= 8) {
            return phone.substring(0, dash + 1) + "****" + digits.substring(digits.length() - 4);
        }
        return "****";
    }
}

import { long, str } from '../elements/elements-rest.js';
import { ProcessSteps } from './process-steps.js';

// ---- «Сделка» (deal-lifecycle) ----

export const DEAL = 'deal-lifecycle';
export const CLIENT_REFUSAL = 'client-refusal';
export const TERMS_CHANGE = 'terms-change';
export const MANAGER = 'ivanov';

export interface ContractTerms {
  orderAmount: number;
  prepaymentAmount: number;
  /** dd.MM.yyyy */
  deliveryDate: string;
  orderRoute: 'accounting' | 'production';
}

export const contractForm = (terms: ContractTerms) => ({
  contractNumber: str('Д-2030/117'),
  contractDate: str('02.09.2030'),
  orderAmount: long(terms.orderAmount),
  prepaymentAmount: long(terms.prepaymentAmount),
  deliveryDate: str(terms.deliveryDate),
  orderRoute: str(terms.orderRoute),
});

/** The steps of «Сделка», each with valid data, as the manager and the workers do them. */
export class DealSteps extends ProcessSteps {
  /** Starts a deal the way kitchen-lead's conversion does: a none start with the lead's variables. */
  async startDeal(businessKey: string, withEmail = true): Promise<string> {
    return this.start(DEAL, businessKey, {
      manager: str(MANAGER),
      clientName: str('Анна Петрова'),
      clientPhone: str('+7 916 123-45-67'),
      ...(withEmail ? { clientEmail: str('anna@example.ru') } : {}),
      leadSource: str('kitchen-lead'),
    });
  }

  async signContract(instanceId: string, terms: ContractTerms): Promise<void> {
    await this.complete(instanceId, 'signContract', contractForm(terms), MANAGER);
  }

  async issueInvoice(instanceId: string, amount: number): Promise<void> {
    await this.complete(
      instanceId,
      'issueInvoice',
      { invoiceNumber: str('СЧ-5501'), invoiceAmount: long(amount) },
      MANAGER,
    );
  }

  async receivePrepayment(instanceId: string, amount: number): Promise<void> {
    await this.complete(
      instanceId,
      'receivePrepayment',
      { prepaymentReceived: long(amount), prepaymentDate: str('04.09.2030') },
      MANAGER,
    );
  }

  async fulfilOrder(instanceId: string): Promise<void> {
    await this.complete(
      instanceId,
      'fulfilOrder',
      { fulfilmentDate: str('12.09.2030'), shippingDocument: str('ТН-889') },
      MANAGER,
    );
  }

  async receiveFinalPayment(instanceId: string, amount: number): Promise<void> {
    await this.complete(
      instanceId,
      'receiveFinalPayment',
      {
        finalPaymentReceived: long(amount),
        finalPaymentDate: str('16.09.2030'),
        closingDocuments: str('Акт № 889, ТН-889'),
      },
      MANAGER,
    );
  }

  /** Contract, invoice and prepayment with valid data: the deal waits for its order worker. */
  async throughPrepayment(instanceId: string, terms: ContractTerms): Promise<void> {
    await this.signContract(instanceId, terms);
    await this.issueInvoice(instanceId, terms.prepaymentAmount);
    await this.receivePrepayment(instanceId, terms.prepaymentAmount);
  }
}

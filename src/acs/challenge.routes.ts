import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeChallengeRequest, encodeChallengeResponse } from '../server/three-ds/messages';
import {
  formField,
  isPaymentUrl,
  sendInvalid,
  sendMessage,
  sendPage,
  type AcsContext,
} from './acs-context';
import { renderMessagePage } from './acs-layout';
import { answerChallenge, openChallenge, type ChallengeStep } from './challenge-flow';
import {
  challengeLanguage,
  renderChallengePage,
  renderResultPage,
  sizeClass,
} from './challenge-page';

/** `POST /challenge` (the creq arrives) and `POST /challenge/answer` (the shopper's code or Cancel). */
export function challengeRoutes(app: FastifyInstance, context: AcsContext): void {
  app.post('/challenge', async (request, reply) => {
    const creq = decodeChallengeRequest(formField(request.body, 'creq') ?? '', context.secret);
    // The creq is signed by the payment server, but a result is only ever posted back to it.
    if (!creq || !isPaymentUrl(context, creq.notificationURL)) return sendInvalid(request, reply);
    return sendStep(request, reply, context, openChallenge(context.store, creq, context.now()));
  });

  app.post('/challenge/answer', async (request, reply) => {
    const acsTransID = formField(request.body, 'acsTransID');
    if (!acsTransID) return sendInvalid(request, reply);
    const answer =
      formField(request.body, 'cancel') !== undefined
        ? ({ cancel: true } as const)
        : { code: formField(request.body, 'code') ?? '' };
    const step = answerChallenge(context.store, acsTransID, answer, context.now());
    return sendStep(request, reply, context, step);
  });
}

function sendStep(
  request: FastifyRequest,
  reply: FastifyReply,
  context: AcsContext,
  step: ChallengeStep,
): FastifyReply {
  switch (step.kind) {
    case 'form':
      return sendPage(reply, 200, renderChallengePage(step.challenge, step.error));
    case 'result': {
      const { creq, wrongAttempts } = step.challenge;
      const cres = encodeChallengeResponse(
        {
          threeDSServerTransID: creq.threeDSServerTransID,
          acsTransID: creq.acsTransID,
          ...step.ending,
          attempts: wrongAttempts,
        },
        context.secret,
      );
      return sendPage(reply, 200, renderResultPage(step.challenge, step.ending, cres));
    }
    case 'finished': {
      const { language, strings } = challengeLanguage(step.challenge.creq);
      const page = renderMessagePage({
        language,
        strings,
        sizeClass: sizeClass(step.challenge.creq),
        title: strings.finishedTitle,
        body: strings.finishedBody,
      });
      return sendPage(reply, 409, page);
    }
    case 'unknown':
      return sendMessage(request, reply, 404, (strings) => ({
        title: strings.notFoundTitle,
        body: strings.notFoundBody,
      }));
  }
}
